import fs from 'node:fs';
import path from 'node:path';
import type { centralApi } from '../../../shared/api/central.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { parsePublicKeyFile } from '../exchange/keys.ts';
import { readSourceBytes } from '../exchange/verify.ts';
import type { Handlers } from '../router.ts';
import { completeness, listPackages, reviewsOf } from './completeness.ts';
import { financeConsolidation, reviewPackage } from './finance.ts';
import { hrConsolidation } from './hr.ts';
import { importPackages } from './import.ts';
import { getDepartment, listDepartments, listPeriods, registerDepartment, requireCentral, savePeriod, setExpectedPeriods } from './registry.ts';
import { centralReport, centralXlsx, writeCentralXlsx } from './report.ts';

export const centralHandlers: Handlers<typeof centralApi> = {
  'central.departments': (_input, ctx) => listDepartments(ctx.wb()),
  'central.registerDepartment': async (input, ctx) => {
    const wb = ctx.wb();
    requireCentral(wb);
    const file = await readSourceBytes(input.key, 1024 * 1024);
    const key = parsePublicKeyFile(file.bytes.toString('utf8'), file.name);
    if (key.departmentCode && key.departmentCode !== input.code) {
      throw new ApiError('invalid_input', `${file.name} is het sleutelbestand van afdeling ${key.departmentCode}, niet van ${input.code}.`);
    }
    if (key.organisation && key.organisation.trim().toLowerCase() !== wb.meta.organisation.trim().toLowerCase()) {
      throw new ApiError('invalid_input', `${file.name} is een sleutel van "${key.organisation}"; dit werkboek is van "${wb.meta.organisation}".`);
    }
    registerDepartment(wb, { code: input.code, name: input.name ?? key.departmentName ?? undefined, publicKey: key.publicKey, fingerprint: key.fingerprint, source: 'key-file', periods: input.periods });
    return getDepartment(wb, input.code);
  },
  'central.setExpectedPeriods': (input, ctx) => {
    const wb = ctx.wb();
    setExpectedPeriods(wb, input.department, input.periods);
    return getDepartment(wb, input.department);
  },
  'central.periods': (_input, ctx) => {
    const wb = ctx.wb();
    requireCentral(wb);
    return listPeriods(wb);
  },
  'central.savePeriod': (input, ctx) => {
    const wb = ctx.wb();
    savePeriod(wb, input.period, input.dueDate, input.expectFromAll);
    return listPeriods(wb);
  },
  'central.import': (input, ctx) => importPackages(ctx.wb(), input, ctx.progress),
  'central.packages': (input, ctx) => listPackages(ctx.wb(), input),
  'central.completeness': (input, ctx) => completeness(ctx.wb(), input),
  'central.finance': (input, ctx) => financeConsolidation(ctx.wb(), input.period),
  'central.hr': (input, ctx) => hrConsolidation(ctx.wb(), input.period, input.asOf),
  'central.review': (input, ctx) => reviewPackage(ctx.wb(), input),
  'central.reviews': (input, ctx) => {
    const wb = ctx.wb();
    requireCentral(wb);
    return reviewsOf(wb, input.packageId);
  },
  'central.report': (input, ctx) => centralReport(ctx.wb(), input.period, input.asOf),
  'central.exportXlsx': async (input, ctx) => {
    if (input.path) {
      const target = path.resolve(input.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await writeCentralXlsx(ctx.wb(), input.period, target, input.asOf);
      return { name: path.basename(target), path: target, contentBase64: null };
    }
    const { name, bytes } = await centralXlsx(ctx.wb(), input.period, input.asOf);
    return { name, path: null, contentBase64: bytes.toString('base64') };
  },
};
