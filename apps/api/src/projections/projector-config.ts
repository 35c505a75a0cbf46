/** Where the live projector runs: inside the API (default) or as its own process (`npm run projector`). */
export interface ProjectorConfig {
  readonly mode: 'in-process' | 'external';
}

export class ProjectorConfigError extends Error {}

export function loadProjectorConfig(env: NodeJS.ProcessEnv): ProjectorConfig {
  const mode = env.PROJECTOR?.trim() || 'in-process';
  if (mode !== 'in-process' && mode !== 'external') {
    throw new ProjectorConfigError(`PROJECTOR must be in-process or external, got "${mode}"`);
  }
  return { mode };
}
