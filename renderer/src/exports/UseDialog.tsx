/**
 * Use: put the chosen keys into a project's .env file. One screen: project, file, a variable per key,
 * API_KEY_REQUIRED, a masked preview of exactly what changes (refreshed as you type), a git warning with
 * its one-click fix, and "Write to <file>". The page never asks for or holds a key's value: main reads it
 * from the keychain, writes the file and masks the preview. One key can instead be connected to an MCP client's
 * server (the choice at the top; mcp/UseInMcpServer): the same change as Connect key on the MCP clients screen.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { describeModeChange, REQUIREMENT_VAR, type EnvFileView, type GitState } from '../../../shared/exports';
import type { RequestOf } from '../../../shared/ipc-contract';
import { isTemplate } from '../projects/git';
import { useProjectsStore } from '../projects/projectsStore';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from '../keys/keysStore';
import { Dialog } from '../ui/Dialog';
import { errorCode, errorField, errorMessage, vaultApi } from '../vaultApi';
import { FilePicker, NEW_FILE } from './FilePicker';
import { GitWarning } from './GitWarning';
import { ReplaceWarning } from './ReplaceWarning';
import { KeyVariables, type ChosenKey } from './KeyVariables';
import { placeError, type UseErrorPlace } from './placeError';
import { usePickedKeysStore } from './pickedKeysStore';
import { PreviewDiff } from './PreviewDiff';
import { ProjectPicker } from './ProjectPicker';
import { unusableReason } from './usable';
import { useExportPreview } from './useExportPreview';
import { useProjectFiles } from './useProjectFiles';
import { useSuggestedVariables } from './useSuggestedVariables';
import { fileNameError, variableErrors } from './variables';
import { FormError } from '../ui/DialogParts';
import { UseInMcpServer } from '../mcp/UseInMcpServer';
import { UseTargetChoice, type UseTarget } from './UseTargetChoice';
import './exports.css';

/** Where the last write went, to start there next time (this session only). */
let lastUse: { projectId: string; fileName: string } | null = null;

function defaultFile(projectId: string, files: EnvFileView[]): string {
  const names = files.map((f) => f.name);
  if (lastUse?.projectId === projectId && names.includes(lastUse.fileName)) return lastUse.fileName;
  return ['.env', '.env.local'].find((n) => names.includes(n)) ?? names.find((n) => !isTemplate(n)) /* templates are never picked by default */ ?? NEW_FILE;
}

interface CallError {
  /** The request (JSON) it answered: shown only while that is still the request. */
  request: string;
  place: UseErrorPlace;
  message: string;
}

export function UseDialog({ keyIds, onClose }: { keyIds: string[]; onClose(): void }) {
  const allKeys = useKeysStore((s) => s.keys);
  const now = useKeysStore((s) => s.now);
  const projects = useProjectsStore((s) => s.projects);
  const addProject = useProjectsStore((s) => s.add);
  const toast = useUiStore((s) => s.toast);

  const keys = useMemo(() => keyIds.flatMap((id) => allKeys.find((k) => k.id === id) ?? []), [keyIds, allKeys]);
  const usableIds = keys.filter((k) => unusableReason(k, now) === null).map((k) => k.id);

  // Project: the one picked here, else the last one written to, else the first.
  const [pickedProject, setPickedProject] = useState<string | null>(null);
  const project = projects.find((p) => p.id === pickedProject) ?? projects.find((p) => p.id === lastUse?.projectId) ?? projects[0] ?? null;
  const projectId = project?.id ?? null;
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);

  // File: one of the project's, or a new one.
  const { files, error: filesError, reload: reloadFiles } = useProjectFiles(projectId);
  const [fileChoice, setFileChoice] = useState<{ projectId: string; choice: string } | null>(null);
  const choice = projectId && fileChoice?.projectId === projectId ? fileChoice.choice : projectId && files ? defaultFile(projectId, files) : NEW_FILE;
  const [newName, setNewName] = useState<string | null>(null);
  const newNameValue = newName ?? (files?.some((f) => f.name === '.env') ? '.env.local' : '.env');
  const fileName = choice === NEW_FILE ? newNameValue.trim() : choice;
  const localFileError = choice === NEW_FILE ? fileNameError(fileName) : null;

  // Variables: remembered or suggested for this project, as edited here.
  const suggested = useSuggestedVariables(projectId, usableIds);
  const [edits, setEdits] = useState<{ projectId: string | null; values: Record<string, string> }>({ projectId: null, values: {} });
  // Names typed before any project was chosen carry over to the first one chosen.
  const editsApply = (projectIdOfEdits: string | null) => projectIdOfEdits === projectId || projectIdOfEdits === null;
  const variableOf = (keyId: string) => (editsApply(edits.projectId) ? edits.values[keyId] : undefined) ?? suggested.variables?.[keyId] ?? '';
  const [require, setRequire] = useState(true);
  // A reference (mcpkv://<id>) instead of the key: no secret in the file, so git may have it.
  const [reference, setReference] = useState(false);
  const entries = usableIds.map((keyId) => ({ keyId, variable: variableOf(keyId).trim() }));
  const varErrors = suggested.variables ? variableErrors(entries, require) : {};

  const ready =
    project !== null &&
    project.available &&
    files !== null &&
    !filesError &&
    localFileError === null &&
    usableIds.length > 0 &&
    suggested.variables !== null &&
    Object.keys(varErrors).length === 0;
  const request: RequestOf<'exports:write'> | null = ready ? { projectId: project.id, fileName, keys: entries, require, ...(reference && { reference: true }) } : null;
  const requestKey = request ? JSON.stringify(request) : '';

  const [version, setVersion] = useState(0);
  const preview = useExportPreview(request, version);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<UseTarget>('env');
  const [mcpBusy, setMcpBusy] = useState(false);
  const [writeError, setWriteError] = useState<CallError | null>(null);
  const [ignoring, setIgnoring] = useState(false);
  const [ignoreError, setIgnoreError] = useState<string | null>(null);
  const [gitAfterIgnore, setGitAfterIgnore] = useState<{ projectId: string; fileName: string; version: number; git: GitState } | null>(null);

  // An error from main, placed next to the control it is about; only while the request it answered stands.
  const previewError: CallError | null =
    !preview.stale && preview.error && preview.request ? { request: JSON.stringify(preview.request), place: placeError(preview.error), message: preview.error.message } : null;
  const callError = [writeError, previewError].find((e) => e && e.request === requestKey) ?? null;
  const errorAt = (place: UseErrorPlace) => (callError?.place === place ? callError.message : null);

  // The file's git state: fresh from "Add to .gitignore", else from the preview, else from the file list.
  const previewFits = preview.preview !== null && preview.request?.projectId === projectId && preview.request.fileName === fileName;
  let git: GitState | null = previewFits ? preview.preview!.git : (files?.find((f) => f.name === fileName)?.git ?? null);
  if (gitAfterIgnore && gitAfterIgnore.version === version && gitAfterIgnore.projectId === projectId && gitAfterIgnore.fileName === fileName && preview.stale) {
    git = gitAfterIgnore.git;
  }

  const chosen: ChosenKey[] = keys.map((key) => ({ key, unusable: unusableReason(key, now), variable: variableOf(key.id), error: varErrors[key.id] }));
  const unusableAll = keys.length > 0 && usableIds.length === 0;

  let placeholder: string | null = null;
  if (keys.length === 0) placeholder = 'The chosen keys are no longer in the vault.';
  else if (unusableAll) placeholder = keys.length === 1 ? 'This key cannot be written.' : 'None of the chosen keys can be written.';
  else if (!project) placeholder = 'Add a project to see what would be written.';
  else if (!project.available || filesError) placeholder = 'The project folder cannot be read.';
  else if (files === null || suggested.variables === null) placeholder = 'Loading…';
  else if (localFileError || Object.keys(varErrors).length) placeholder = 'Fix the highlighted fields to see the preview.';
  else if (callError && !previewFits) placeholder = 'No preview: see the message beside the fields.';

  // Another vault key in a variable this write overwrites: named, and written over only once the user says so.
  const replaces = previewFits && !preview.stale ? (preview.preview!.replaces ?? []) : [];
  const [replaceConfirmedFor, setReplaceConfirmedFor] = useState<string | null>(null);
  const replaceConfirmed = replaceConfirmedFor === requestKey;
  const needsReplaceConfirm = replaces.length > 0 && !replaceConfirmed;
  const writeDisabledReason = !request
    ? (placeholder ?? 'Fix the highlighted fields first.')
    : needsReplaceConfirm
      ? 'Confirm that the key already in the file is replaced.'
      : null;

  function changeProject(id: string) {
    setPickedProject(id);
    setAddError(null);
  }

  async function add() {
    setAdding(true);
    setAddError(null);
    try {
      const added = await addProject();
      if (added) setPickedProject(added.id);
    } catch (error) {
      setAddError(errorMessage(error));
    } finally {
      setAdding(false);
    }
  }

  async function ignoreInGit() {
    if (!project) return;
    setIgnoring(true);
    setIgnoreError(null);
    try {
      const state = await vaultApi().exports.ignoreInGit({ projectId: project.id, fileName });
      setGitAfterIgnore({ projectId: project.id, fileName, version: version + 1, git: state });
      setVersion(version + 1);
      reloadFiles();
      toast(`Added ${fileName} to .gitignore`);
    } catch (error) {
      setIgnoreError(errorMessage(error));
    } finally {
      setIgnoring(false);
    }
  }

  async function write(event: FormEvent) {
    event.preventDefault();
    if (!request || busy || needsReplaceConfirm) return;
    setBusy(true);
    setWriteError(null);
    try {
      const result = await vaultApi().exports.write(request);
      lastUse = { projectId: request.projectId, fileName: request.fileName };
      const picked = usePickedKeysStore.getState();
      if (keyIds.every((id) => picked.ids.has(id))) picked.clear();
      const written = result.changed.length ? `Wrote ${result.changed.join(', ')} to ${result.fileName}` : `${result.fileName} is already up to date`;
      toast(result.tightened ? `${written}. ${describeModeChange(result.fileName, result.tightened)}` : written);
      onClose();
    } catch (error) {
      setWriteError({ request: requestKey, place: placeError({ code: errorCode(error), field: errorField(error) }), message: errorMessage(error) });
      setBusy(false);
    }
  }

  const title = keys.length === 1 ? `Use ${keys[0]!.name}` : `Use ${keys.length} keys`;
  const toMcp = target === 'mcp' && keys.length === 1;
  const subtitle = toMcp
    ? "Connect to an MCP client's server. The key's value stays in the OS keychain; this window never sees it."
    : "Write into a project's .env file. Values stay masked here; only the file gets them.";
  return (
    <Dialog title={title} subtitle={subtitle} onClose={onClose} size="large" busy={busy || mcpBusy}>
      <UseTargetChoice
        value={toMcp ? 'mcp' : 'env'}
        onChange={setTarget}
        mcpUnavailable={keys.length === 1 ? null : 'One key at a time can be connected to an MCP server.'}
        disabled={busy || mcpBusy}
      />
      {toMcp ? (
        <UseInMcpServer keyId={keys[0]!.id} onClose={onClose} busy={mcpBusy} setBusy={setMcpBusy} />
      ) : (
        <form className="dialog-form use-form" onSubmit={write} noValidate>
          <div className="dialog-body use-body">
            <div className="use-choices">
              <ProjectPicker
                projects={projects}
                project={project}
                onChange={changeProject}
                onAdd={() => void add()}
                adding={adding}
                error={addError ?? filesError ?? errorAt('project')}
              />
              {project ? (
                <FilePicker
                  files={files}
                  choice={choice}
                  newName={newNameValue}
                  onChoose={(value) => setFileChoice({ projectId: project.id, choice: value })}
                  onNewName={setNewName}
                  error={localFileError ?? errorAt('file')}
                  disabled={!project.available}
                />
              ) : null}
              <KeyVariables
                chosen={chosen}
                loading={suggested.variables === null}
                onChange={(keyId, variable) =>
                  setEdits((current) => ({ projectId, values: { ...(editsApply(current.projectId) ? current.values : {}), [keyId]: variable } }))
                }
                error={errorAt('keys') ?? errorAt('variables') ?? suggested.error}
              />
              <div className="field">
                <label className="check-field">
                  <input type="checkbox" checked={require} onChange={(event) => setRequire(event.target.checked)} />
                  <span>
                    Set <code className="mono">{REQUIREMENT_VAR}=true</code>
                  </span>
                </label>
                <p className="field-hint check-hint">Tells the MCP server reading this file to refuse requests without the key.</p>
              </div>
              <div className="field">
                <label className="check-field">
                  <input type="checkbox" checked={reference} onChange={(event) => setReference(event.target.checked)} />
                  <span>Write a reference, not the key</span>
                </label>
                <p className="field-hint check-hint">
                  The file gets <code className="mono">mcpkv://&lt;id&gt;</code>: no secret, safe to commit. Start the program with{' '}
                  <code className="mono">mcpkv run --env-file {fileName || '.env'} -- …</code>
                </p>
              </div>
              <FormError message={errorAt('form')} />
            </div>
            <div className="use-side">
              {git && project && fileName && !localFileError && !reference ? (
                <GitWarning fileName={fileName} git={git} onIgnore={() => void ignoreInGit()} busy={ignoring} error={ignoreError} />
              ) : null}
              <ReplaceWarning
                fileName={fileName}
                replaces={replaces}
                confirmed={replaceConfirmed}
                onConfirm={(confirmed) => setReplaceConfirmedFor(confirmed ? requestKey : null)}
              />
              <PreviewDiff fileName={project && !localFileError ? fileName : null} preview={previewFits ? preview.preview : null} stale={preview.stale} placeholder={placeholder} />
            </div>
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={!request || busy || needsReplaceConfirm} title={writeDisabledReason ?? undefined}>
              {busy ? 'Writing…' : `Write to ${fileName && !localFileError ? fileName : 'file'}`}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
