export function buildCli(options?: { root?: string; outRoot?: string; entry?: string; extraInputs?: string[] }): Promise<{ dir: string; entry: string; inputs: number }>;
