// Generates a realistic polyglot monorepo of about N files, deterministically (same N, same tree).
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const TS_IMPORTS = [
  "import express from 'express';",
  "import { Pool } from 'pg';",
  "import Redis from 'ioredis';",
  "import { Kafka } from 'kafkajs';",
  "import jwt from 'jsonwebtoken';",
  "import { z } from 'zod';",
  "import * as fs from 'node:fs';",
  "import { logger } from '../lib/logger';",
];
const PY_IMPORTS = [
  'import os',
  'from fastapi import FastAPI, Depends',
  'from sqlalchemy.orm import Session',
  'import redis',
  'from celery import Celery',
  'import httpx',
  'from .models import User',
];
const GO_IMPORTS = [
  '"context"',
  '"net/http"',
  '"github.com/gin-gonic/gin"',
  '"github.com/jackc/pgx/v5"',
  '"github.com/redis/go-redis/v9"',
  '"github.com/segmentio/kafka-go"',
];

function body(r, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) out.push(`  const value${i} = compute(${Math.floor(r() * 1000)}, "item-${i}"); // step ${i}`);
  return out.join('\n');
}

const write = (root, rel, text) => {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};

export function generate(root, total) {
  if (existsSync(path.join(root, '.complete'))) return root;
  rmSync(root, { recursive: true, force: true });
  const r = rng(total);
  let count = 0;
  const filesPerService = 250;
  const services = Math.max(1, Math.round(total / filesPerService));
  write(
    root,
    'package.json',
    JSON.stringify(
      { name: 'monorepo', private: true, workspaces: ['services/*'], devDependencies: { typescript: '^5.4.0', eslint: '^9.0.0' } },
      null,
      2,
    ),
  );
  write(root, '.gitignore', 'node_modules/\ndist/\n*.log\n');
  write(
    root,
    '.github/workflows/ci.yml',
    'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n',
  );
  write(root, 'README.md', '# Monorepo\n\nServices talk over Kafka and share a PostgreSQL cluster.\n');
  count += 4;
  for (let s = 0; s < services && count < total; s++) {
    const kind = s % 3; // 0 node, 1 python, 2 go
    const dir = `services/svc-${String(s).padStart(3, '0')}`;
    if (kind === 0) {
      write(
        root,
        `${dir}/package.json`,
        JSON.stringify(
          {
            name: `svc-${s}`,
            version: '1.0.0',
            dependencies: { express: '^4.19.2', pg: '^8.11.5', ioredis: '^5.4.1', kafkajs: '^2.2.4', jsonwebtoken: '^9.0.2' },
            devDependencies: { jest: '^29.7.0', supertest: '^7.0.0' },
          },
          null,
          2,
        ),
      );
    } else if (kind === 1) {
      write(
        root,
        `${dir}/requirements.txt`,
        'fastapi==0.111.0\nuvicorn[standard]==0.30.1\nsqlalchemy==2.0.30\nredis==5.0.4\ncelery==5.4.0\n',
      );
      write(root, `${dir}/requirements-dev.txt`, 'pytest==8.2.2\nhttpx==0.27.0\n');
      count++;
    } else {
      write(
        root,
        `${dir}/go.mod`,
        'module example.com/svc\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n\tgithub.com/redis/go-redis/v9 v9.5.3\n\tgolang.org/x/net v0.26.0 // indirect\n)\n',
      );
    }
    write(
      root,
      `${dir}/Dockerfile`,
      'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=build /app /app\nEXPOSE 8080\nHEALTHCHECK CMD wget -q -O- localhost:8080/health\nCMD ["node", "dist/main.js"]\n',
    );
    write(
      root,
      `${dir}/k8s/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${s}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/svc-${s}:1.0.0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${s}\n`,
    );
    write(root, `${dir}/README.md`, `# Service ${s}\n\nUses Redis and Kafka.\n`);
    count += 4;
    const sourceFiles = Math.floor(filesPerService * 0.45);
    for (let f = 0; f < sourceFiles && count < total; f++, count++) {
      const lines = 20 + Math.floor(r() * 80);
      if (kind === 0) {
        const imports = TS_IMPORTS.filter(() => r() < 0.35).join('\n');
        write(root, `${dir}/src/module${f}.ts`, `${imports}\n\nexport function handler${f}() {\n${body(r, lines)}\n}\n`);
      } else if (kind === 1) {
        const imports = PY_IMPORTS.filter(() => r() < 0.35).join('\n');
        write(root, `${dir}/app/module${f}.py`, `${imports}\n\n\ndef handler_${f}():\n${body(r, lines).replace(/const /g, '')}\n`);
      } else {
        const imports = GO_IMPORTS.filter(() => r() < 0.35)
          .map((i) => `\t${i}`)
          .join('\n');
        write(
          root,
          `${dir}/internal/module${f}.go`,
          `package internal\n\nimport (\n${imports}\n)\n\nfunc Handler${f}() {\n${body(r, lines).replace(/const /g, '')}\n}\n`,
        );
      }
    }
    const testFiles = Math.floor(filesPerService * 0.1);
    for (let f = 0; f < testFiles && count < total; f++, count++) {
      write(
        root,
        `${dir}/test/module${f}.test.ts`,
        `import request from 'supertest';\n\ndescribe('module ${f}', () => {\n  it('works', () => expect(${f}).toBe(${f}));\n});\n`,
      );
    }
    const assets = Math.floor(filesPerService * 0.1);
    for (let f = 0; f < assets && count < total; f++, count++) {
      write(
        root,
        `${dir}/assets/img${f}.png`,
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, ...Array.from({ length: 200 }, () => Math.floor(r() * 256))]).toString('latin1'),
      );
    }
    const deps = Math.floor(filesPerService * 0.3);
    for (let f = 0; f < deps && count < total; f++, count++) {
      write(
        root,
        `${dir}/node_modules/dep${f % 20}/lib/file${f}.js`,
        `module.exports = function f${f}() { return require('dep${(f + 1) % 20}'); };\n`,
      );
    }
  }
  writeFileSync(path.join(root, '.complete'), String(count));
  return root;
}
