import * as assert from 'node:assert';
import { MANIFEST_READERS } from '../../../src/core/readers/manifests';
import type { DependencyFact, ReadResult } from '../../../src/core/types';
import { scanMemory, statusOf } from '../helpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

function readBuild(path: string, text: string): ReadResult {
  const readers = MANIFEST_READERS.filter((r) => r.matches(path));
  assert.deepStrictEqual(
    readers.map((r) => r.name),
    ['sbt'],
  );
  return readers[0].read(path, text);
}

/** `group:artifact@line`, with ` (dev)` for a module only tests use. */
function summary(result: ReadResult): string[] {
  return result.facts.map((f) => {
    const d = f as DependencyFact;
    assert.strictEqual(d.ecosystem, 'maven');
    return `${d.name}@${d.line}${d.dev ? ' (dev)' : ''}`;
  });
}

const PLAY_BUILD = lines(
  'name := """real-world"""', // 1
  '',
  'lazy val root = (project in file(".")).enablePlugins(PlayScala)',
  'scalaVersion := "2.13.14"',
  '', // 5
  'libraryDependencies ++= Seq(',
  '  guice,',
  '  "com.typesafe.play" %% "play-slick" % "5.0.0",',
  '  "com.h2database" % "h2" % "1.4.200", // the dev database',
  '  // "org.postgresql" % "postgresql" % "42.7.3",', // 10
  '  /* "redis.clients" % "jedis" % "5.1.0", */',
  '  "org.scalatestplus.play" %% "scalatestplus-play" % "5.0.0" % "test",',
  '  "org.scalameta" %% "munit" % munitVersion % Test,',
  '  "io.circe" %%% "circe-core" % "0.14.9",',
  '  "com.dimafeng" %% "testcontainers-scala" % "0.41.4" % "it,test"', // 15
  ')',
  'dependencyOverrides += "com.fasterxml.jackson.core" % "jackson-databind" % "2.17.1"',
  'libraryDependencies += "com.typesafe.akka" %% "akka-http" % "10.5.3" exclude("org.slf4j", "slf4j-api")',
  'excludeDependencies += "commons-logging" % "commons-logging"',
);

describe('sbt builds', () => {
  it('reads each module as its Maven group:artifact, test-scoped ones as development dependencies', () => {
    assert.deepStrictEqual(summary(readBuild('build.sbt', PLAY_BUILD)), [
      'com.typesafe.play:play-slick@8',
      'com.h2database:h2@9',
      'org.scalatestplus.play:scalatestplus-play@12 (dev)',
      'org.scalameta:munit@13 (dev)',
      'io.circe:circe-core@14',
      'com.dimafeng:testcontainers-scala@15 (dev)',
      'com.typesafe.akka:akka-http@18',
    ]);
  });

  it('reads plugins and the build definition in project/, and no other Scala file', () => {
    const plugins = lines(
      'resolvers += "Typesafe" at "https://repo.typesafe.com/typesafe/releases/"',
      'addSbtPlugin("com.typesafe.play" % "sbt-plugin" % "2.8.0")',
    );
    assert.deepStrictEqual(summary(readBuild('project/plugins.sbt', plugins)), ['com.typesafe.play:sbt-plugin@2']);
    const deps = lines('import sbt._', '', 'object Dependencies {', '  val doobie = "org.tpolecat" %% "doobie-core" % "1.0.0-RC5"', '}');
    assert.deepStrictEqual(summary(readBuild('modules/api/project/Dependencies.scala', deps)), ['org.tpolecat:doobie-core@4']);
    assert.deepStrictEqual(
      MANIFEST_READERS.filter((r) => r.matches('app/controllers/Home.scala')).map((r) => r.name),
      [],
    );
  });

  it('shows a Play application with Slick, ScalaTest and a JSON API as the skills they are', async () => {
    const map = await scanMemory({
      'build.sbt': PLAY_BUILD,
      'project/plugins.sbt': 'addSbtPlugin("com.typesafe.play" % "sbt-plugin" % "2.8.0")\n',
      'app/controllers/UserController.scala':
        'class UserController(cc: ControllerComponents) extends AbstractController(cc) {\n  def show(id: Long) = Action { Ok(Json.toJson(users.find(id))) }\n}\n',
    });
    for (const skill of ['web-frameworks', 'databases', 'testing', 'api-development'])
      assert.strictEqual(statusOf(map, skill), 'practised', skill);
    const web = map.skills.find((s) => s.id === 'web-frameworks')!;
    assert.deepStrictEqual(
      web.evidence.map((e) => `${e.file}:${e.line}`),
      ['build.sbt:18', 'project/plugins.sbt:1'],
    );
  });

  it('never throws on odd text', () => {
    for (const text of ['%%%', '"a" %% ', '"a" %% "b" %', '"' + 'x'.repeat(5000) + '" % "y"', '/* "a" % "b" ']) {
      const result = readBuild('build.sbt', text);
      assert.ok(Array.isArray(result.facts));
    }
  });
});
