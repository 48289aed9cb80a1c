import * as assert from 'node:assert';
import { IMPORT_READERS } from '../../../src/core/readers/imports';
import type { ImportFact } from '../../../src/core/types';
import { scanMemory, statusOf } from '../helpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

function imports(path: string, text: string): [number, string][] {
  return IMPORT_READERS[0].read(path, text).facts.map((f) => {
    const i = f as ImportFact;
    assert.strictEqual(i.language, 'scala');
    return [i.line, i.module];
  });
}

describe('Scala imports', () => {
  it('reads paths, wildcards, selectors, renames and clauses; not comments, strings or hidden names', () => {
    const text = lines(
      'package users.controllers', // 1
      '',
      'import play.api.mvc._',
      'import io.jsonwebtoken.{Jwts, SignatureAlgorithm => Alg}',
      'import scala.concurrent.{ExecutionContext, Future => _}', // 5
      'import cats.effect.*, org.http4s.dsl.io.*',
      'import zio.{given, *}',
      'import _root_.slick.jdbc.H2Profile',
      'import akka.http.scaladsl.server.Directives as D',
      '// import commented.Out', // 10
      'val s = "import not.This"',
      'class UserController {',
      '  import UserController._',
      '  def important = 1',
      '}', // 15
      'import doobie.{',
      '  Transactor,',
      '  ConnectionIO',
      '}',
    );
    assert.deepStrictEqual(imports('app/users/controllers/UserController.scala', text), [
      [3, 'play.api.mvc'],
      [4, 'io.jsonwebtoken.Jwts'],
      [4, 'io.jsonwebtoken.SignatureAlgorithm'],
      [5, 'scala.concurrent.ExecutionContext'],
      [6, 'cats.effect'],
      [6, 'org.http4s.dsl.io'],
      [7, 'zio'],
      [8, 'slick.jdbc.H2Profile'],
      [9, 'akka.http.scaladsl.server.Directives'],
      [13, 'UserController'],
      [16, 'doobie.Transactor'],
      [16, 'doobie.ConnectionIO'],
    ]);
  });

  it('lets the JVM import rules see a Scala file, and takes a spec or a file under test/ as a test', async () => {
    const caffeine = 'import com.github.benmanes.caffeine.cache.Caffeine\n\nclass Prices\n';
    const map = await scanMemory({
      'app/auth/SecurityConfig.scala':
        'package auth\n\nimport org.springframework.security.config.annotation.web.builders.HttpSecurity\n\nclass SecurityConfig\n',
      'app/events/PricesSpec.scala': caffeine,
      'test/prices/Prices.scala': caffeine,
    });
    assert.strictEqual(statusOf(map, 'auth'), 'practised');
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
    const app = await scanMemory({ 'app/prices/Prices.scala': caffeine });
    assert.notStrictEqual(statusOf(app, 'caching'), 'missing');
  });
});
