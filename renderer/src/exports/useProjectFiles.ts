/** A project's .env* files with their git state; `reload()` asks again (after adding one to .gitignore). */
import { useCallback, useEffect, useState } from 'react';
import type { EnvFileView } from '../../../shared/exports';
import { errorMessage, vaultApi } from '../vaultApi';

interface Loaded {
  projectId: string | null;
  files: EnvFileView[] | null;
  error: string | null;
}

export function useProjectFiles(projectId: string | null): { files: EnvFileView[] | null; error: string | null; reload(): void } {
  const [loaded, setLoaded] = useState<Loaded>({ projectId: null, files: null, error: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (projectId === null) return;
    let cancelled = false;
    vaultApi()
      .projects.files({ projectId })
      .then(
        (files) => !cancelled && setLoaded({ projectId, files, error: null }),
        (error: unknown) => !cancelled && setLoaded({ projectId, files: [], error: errorMessage(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [projectId, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = loaded.projectId === projectId ? loaded : { files: null, error: null };
  return { files: current.files, error: current.error, reload };
}
