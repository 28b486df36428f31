export type FoundBrowser = { path: string; source: 'WERKBOEK_CHROMIUM' | 'system' | 'playwright' } | { path: null; problem: string };
export interface BrowserDeps {
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (p: string) => boolean;
  playwrightPath?: () => string | null;
}
export function findBrowser(deps?: BrowserDeps): FoundBrowser;
export function installAdvice(platform?: string, isDebian?: boolean): string;
export function browserPath(): string | undefined;
