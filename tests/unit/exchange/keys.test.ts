import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalKeyFileProtector } from '../../../electron/backend/exchange/key-protector.ts';
import { fingerprintOf, parsePublicKeyFile, publicKeyPem } from '../../../electron/backend/exchange/keys.ts';
import { formatFingerprint } from '../../../shared/exchange/types.ts';
import { tempDir } from '../../helpers/workbook.ts';

describe('the local key-file protector', () => {
  const secret = crypto.randomBytes(48);

  it('opens what it protected, for the same workbook only', () => {
    const protector = new LocalKeyFileProtector(path.join(tempDir(), 'keys'));
    const blob = protector.protect(secret, 'workbook-1');
    expect(blob).not.toContain(secret.toString('base64'));
    expect(protector.unprotect(blob, 'workbook-1').equals(secret)).toBe(true);
    expect(() => protector.unprotect(blob, 'workbook-2')).toThrow(/hoort niet bij dit werkboek/);
  });

  it('cannot open a key protected on another computer (another data folder)', () => {
    const here = new LocalKeyFileProtector(path.join(tempDir(), 'keys'));
    const elsewhere = new LocalKeyFileProtector(path.join(tempDir(), 'keys'));
    const blob = elsewhere.protect(secret, 'wb');
    expect(() => here.unprotect(blob, 'wb')).toThrow(/andere computer of door een andere gebruiker/);
  });

  it('keeps its key file readable by the user only', () => {
    const folder = path.join(tempDir(), 'keys');
    new LocalKeyFileProtector(folder).protect(secret, 'wb');
    const [file] = fs.readdirSync(folder);
    expect(fs.statSync(path.join(folder, file)).mode & 0o077).toBe(0);
  });
});

describe('public key files', () => {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');

  it('fingerprints the raw key with SHA-256 and groups it for reading', () => {
    expect(fingerprintOf(raw)).toBe(crypto.createHash('sha256').update(Buffer.from(raw, 'base64')).digest('hex'));
    expect(formatFingerprint('ab12cd34ef56')).toBe('ab12 cd34 ef56');
  });

  it('reads our JSON key file and a plain PEM key to the same key', () => {
    const json = JSON.stringify({ format: 'werkboek-public-key', formatVersion: 1, publicKey: raw, fingerprint: fingerprintOf(raw), department: { code: 'OR', name: 'x' }, organisation: 'G' });
    expect(parsePublicKeyFile(json, 'OR.wbkey')).toMatchObject({ publicKey: raw, departmentCode: 'OR', organisation: 'G' });
    expect(parsePublicKeyFile(publicKeyPem(raw), 'or.pem')).toMatchObject({ publicKey: raw, fingerprint: fingerprintOf(raw), departmentCode: null });
  });

  it('refuses a key file whose fingerprint does not fit its key, or a key of another type', () => {
    const json = JSON.stringify({ format: 'werkboek-public-key', formatVersion: 1, publicKey: raw, fingerprint: 'a'.repeat(64) });
    expect(() => parsePublicKeyFile(json, 'OR.wbkey')).toThrow(/vingerafdruk in het bestand past niet/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKeyFile(rsa, 'rsa.pem')).toThrow(/geen Ed25519-sleutel/);
    expect(() => parsePublicKeyFile('hallo', 'x.txt')).toThrow(/geen sleutelbestand/);
  });
});
