import * as assert from 'node:assert';
import { READERS } from '../../../src/core/readers';
import { nomadReader } from '../../../src/core/readers/nomad';

function images(text: string): string[] {
  return nomadReader.read('deploy/app.nomad.hcl', text).facts.map((f) => (f.type === 'image' ? `${f.name}@${f.line}` : f.type));
}

describe('Nomad reader', () => {
  it('claims job files (.nomad, .nomad.hcl) and nothing else', () => {
    for (const p of ['api.nomad', 'build/nomad/jobs/traefik.nomad.hcl', 'JOBS/Web.Nomad.HCL']) {
      assert.deepStrictEqual(
        READERS.filter((r) => r.matches(p)).map((r) => r.name),
        ['nomad'],
        p,
      );
    }
    for (const p of ['main.tf', 'config.hcl', 'nomad.md', 'docs/app.nomad.txt']) assert.ok(!nomadReader.matches(p), p);
  });

  it("reads the image of each task's container at its line, registry and tag left out", () => {
    const job = [
      'job "edge" {', //                                   1
      '  group "proxy" {', //                              2
      '    task "traefik" {', //                           3
      '      driver = "docker"', //                        4
      '      config {', //                                 5
      '        image = "traefik:v2.10"', //                6
      '      }', //                                        7
      '    }', //                                          8
      '    task "cache" {', //                             9
      '      driver = "podman"', //                        10
      '      config {', //                                 11
      '        image = "docker.io/library/redis:7"', //    12
      '      }', //                                        13
      '    }', //                                          14
      '  }', //                                            15
      '}', //                                              16
    ].join('\n');
    assert.deepStrictEqual(images(job), ['traefik@6', 'redis@12']);
  });

  it('leaves out commented images and a variable it cannot resolve', () => {
    const job = [
      'task "db" {',
      '  config {',
      '    # image = "postgres:16"',
      '    // image = "mysql:8"',
      '    /*',
      '    image = "mongo:7"',
      '    */',
      '    image = "${var.image}"',
      '  }',
      '}',
    ].join('\n');
    assert.deepStrictEqual(images(job), []);
  });
});
