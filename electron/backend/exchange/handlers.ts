import type { exchangeApi } from '../../../shared/api/exchange.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { PACKAGE_KINDS } from '../../../shared/exchange/schema.ts';
import type { HandlerContext, Handlers } from '../router.ts';
import type { Session } from '../session.ts';
import fs from 'node:fs';
import path from 'node:path';
import { exportLog, exportPackage } from './export.ts';
import { protectorsFor } from './key-protector.ts';
import { departmentKey, ensureDepartmentKey, publicKeyFile, publicKeyFileName, rotateDepartmentKey, signingKey } from './keys.ts';
import { REQUIRED_SECTIONS, registeredSections } from './sections.ts';
import { verifyPackageSource } from './verify.ts';

export function sessionProtectors(session: Session) {
  return protectorsFor({ dataDir: session.options.dataDir, keyProtector: session.options.keyProtector });
}

function departmentWorkbook(ctx: HandlerContext) {
  const wb = ctx.wb();
  wb.requireKind('department');
  return wb;
}

export const exchangeHandlers: Handlers<typeof exchangeApi> = {
  'exchange.keyInfo': (_input, ctx) => {
    const wb = departmentWorkbook(ctx);
    const key = departmentKey(wb);
    if (!key) return { key: null, usable: false, problem: 'Dit werkboek heeft nog geen ondertekensleutel.' };
    try {
      signingKey(wb, sessionProtectors(ctx.session).all);
      return { key, usable: true, problem: null };
    } catch (error) {
      if (error instanceof ApiError) return { key, usable: false, problem: error.message };
      throw error;
    }
  },
  'exchange.createKey': (_input, ctx) => ensureDepartmentKey(departmentWorkbook(ctx), sessionProtectors(ctx.session).primary),
  'exchange.rotateKey': (input, ctx) => rotateDepartmentKey(departmentWorkbook(ctx), sessionProtectors(ctx.session).primary, input.reason),
  'exchange.publicKeyFile': (input, ctx) => {
    const wb = departmentWorkbook(ctx);
    const key = departmentKey(wb) ?? ensureDepartmentKey(wb, sessionProtectors(ctx.session).primary);
    const text = `${JSON.stringify(publicKeyFile(wb, key), null, 2)}\n`;
    if (input.path) {
      const target = path.resolve(input.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      return { name: path.basename(target), path: target, contentBase64: null };
    }
    return { name: publicKeyFileName(wb), path: null, contentBase64: Buffer.from(text).toString('base64') };
  },
  'exchange.export': (input, ctx) => exportPackage(ctx.wb(), sessionProtectors(ctx.session), input),
  'exchange.exports': (_input, ctx) => exportLog(departmentWorkbook(ctx)),
  'exchange.sections': () =>
    Object.fromEntries(
      PACKAGE_KINDS.map((kind) => {
        const available = registeredSections(kind);
        const required = REQUIRED_SECTIONS[kind];
        return [kind, { available, required, ready: required.every((r) => available.includes(r)) }];
      }),
    ) as ReturnType<Handlers<typeof exchangeApi>['exchange.sections']> extends infer R ? Awaited<R> : never,
  'exchange.verify': (input) => verifyPackageSource(input.source, input.key),
};
