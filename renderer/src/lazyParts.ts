/**
 * Screens and dialogs in chunks of their own, loaded when first drawn. They are the parts that check input
 * with zod (shared/schemas.ts), so zod and they stay out of the first chunk, which the list's first paint waits
 * for. `preloadParts()` fetches them once the list is up, so that opening one later does not wait.
 */
import { lazy, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each part keeps its own prop types
function lazyPart<C extends ComponentType<any>>(load: () => Promise<C>) {
  let loading: Promise<{ default: C }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined; // a failed load is tried again next time
        throw error;
      },
    ));
  return Object.assign(lazy(preload), { preload });
}

export const ProjectsScreen = lazyPart(() => import('./projects/ProjectsScreen').then((m) => m.ProjectsScreen));
export const McpClientsScreen = lazyPart(() => import('./mcp/McpClientsScreen').then((m) => m.McpClientsScreen));
export const ActivityScreen = lazyPart(() => import('./activity/ActivityScreen').then((m) => m.ActivityScreen));
export const SettingsScreen = lazyPart(() => import('./settings/SettingsScreen').then((m) => m.SettingsScreen));
export const CreateKeyDialog = lazyPart(() => import('./keys/CreateKeyDialog').then((m) => m.CreateKeyDialog));
export const EditKeyDialog = lazyPart(() => import('./keys/EditKeyDialog').then((m) => m.EditKeyDialog));
export const UseDialogHost = lazyPart(() => import('./exports/UseDialogHost').then((m) => m.UseDialogHost));

export function preloadParts(): void {
  for (const part of [CreateKeyDialog, EditKeyDialog, UseDialogHost, ProjectsScreen, McpClientsScreen, ActivityScreen, SettingsScreen]) void part.preload();
}
