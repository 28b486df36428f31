// `npm run exchange:schema`: writes shared/exchange/wbx.schema.json from the zod schemas (the source
// of truth), so other systems get a JSON Schema that matches what the verifier checks.
import fs from 'node:fs';
import path from 'node:path';
import { wbxJsonSchema } from '../shared/exchange/schema.ts';

const target = path.resolve(import.meta.dirname, '../shared/exchange/wbx.schema.json');
fs.writeFileSync(target, `${JSON.stringify(wbxJsonSchema(), null, 2)}\n`);
console.log(`Geschreven: ${target}`);
