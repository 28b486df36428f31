import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublicKeyFile } from '../../../electron/backend/exchange/keys.ts';
import { verifyPackageBytes } from '../../../electron/backend/exchange/package.ts';

const examples = path.resolve(import.meta.dirname, '../../../docs/examples');

describe('the worked example in docs/exchange-format.md', () => {
  it('is a valid package signed with the key in the example key file', () => {
    const result = verifyPackageBytes(fs.readFileSync(path.join(examples, 'OR-financien-2027-Q1-v1.wbx')), 'OR-financien-2027-Q1-v1.wbx');
    expect(result.ok).toBe(true);
    const key = parsePublicKeyFile(fs.readFileSync(path.join(examples, 'OR.wbkey'), 'utf8'), 'OR.wbkey');
    expect(result.ok && result.fingerprint).toBe(key.fingerprint);
    expect(key.fingerprint).toBe('56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c');
  });
});
