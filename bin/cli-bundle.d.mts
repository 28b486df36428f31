export type ManifestInput = [relativePath: string, size: number, mtimeMs: number, sha256: string];
export interface CliManifest {
  format: 1;
  dir: string;
  entry: string;
  builtAt: string;
  inputs: ManifestInput[];
}
export function readManifest(outRoot: string): CliManifest | null;
export function staleInputs(manifest: CliManifest, root: string, touched?: Array<[ManifestInput, number]>): string[];
export function freshCliEntry(options: {
  root: string;
  outRoot?: string;
  rebuild: (options: { root: string; outRoot: string }) => Promise<{ entry: string }>;
}): Promise<{ entry: string; rebuilt: boolean; stale: string[] }>;
