/**
 * "Find keys in this project": what the scan found in the project's .env files, as a checklist. Each
 * found key is imported under the name given here; one whose value is already in the vault is linked
 * instead. The page sees masked values only: main reads the values from the files again on import.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ProjectView, ScanCandidate } from '../../../shared/exports';
import { keyNameSchema } from '../../../shared/schemas';
import type { KeyView } from '../../../shared/types';
import { plural } from '../format';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from '../keys/keysStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { FormError } from '../ui/DialogParts';

interface Row {
  candidate: ScanCandidate;
  checked: boolean;
  name: string;
}

/** "Imported 2 keys and linked 1 already in the vault". */
function importedMessage(imported: number, linked: number, skipped: number): string {
  const parts = [imported ? `Imported ${plural(imported, 'key')}` : '', linked ? `${imported ? 'linked' : 'Linked'} ${plural(linked, 'key')} already in the vault` : ''].filter(Boolean);
  const done = parts.length ? parts.join(' and ') : 'Nothing was imported';
  return skipped ? `${done} — ${plural(skipped, 'value was', 'values were')} no longer in the file` : done;
}

function nameErrors(rows: Row[], keys: KeyView[]): Map<Row, string> {
  const errors = new Map<Row, string>();
  const taken = new Set(keys.map((k) => k.name.toLocaleLowerCase()));
  const seen = new Map<string, number>();
  const fresh = rows.filter((r) => r.checked && !r.candidate.existingKeyId);
  for (const row of fresh) seen.set(row.name.trim().toLocaleLowerCase(), (seen.get(row.name.trim().toLocaleLowerCase()) ?? 0) + 1);
  for (const row of fresh) {
    const name = row.name.trim();
    const parsed = keyNameSchema.safeParse(row.name);
    if (!parsed.success) errors.set(row, name === '' ? 'Enter a name for the key.' : (parsed.error.issues[0]?.message ?? 'Invalid name.'));
    else if (taken.has(name.toLocaleLowerCase())) errors.set(row, 'A key with this name is already in the vault.');
    else if ((seen.get(name.toLocaleLowerCase()) ?? 0) > 1) errors.set(row, 'Two found keys have this name.');
  }
  return errors;
}

interface ScanResultsProps {
  project: ProjectView;
  candidates: ScanCandidate[];
  onDone(): void;
}

export function ScanResults({ project, candidates, onDone }: ScanResultsProps) {
  const titleId = useId();
  const keys = useKeysStore((s) => s.keys);
  const upsertKey = useKeysStore((s) => s.upsertKey);
  const toast = useUiStore((s) => s.toast);
  const [rows, setRows] = useState<Row[]>(() => candidates.map((candidate) => ({ candidate, checked: true, name: candidate.suggestedName })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = nameErrors(rows, keys);
  const chosen = rows.filter((r) => r.checked);
  const files = new Set(candidates.map((c) => c.fileName));

  const update = (row: Row, patch: Partial<Row>) => setRows((all) => all.map((r) => (r === row ? { ...r, ...patch } : r)));

  async function importChosen(event: FormEvent) {
    event.preventDefault();
    if (busy || chosen.length === 0 || errors.size) return;
    setBusy(true);
    setError(null);
    const existing = new Set(keys.map((k) => k.id));
    try {
      const result = await vaultApi().projects.import({
        projectId: project.id,
        items: chosen.map((r) => ({ fileName: r.candidate.fileName, variable: r.candidate.variable, name: r.name.trim() || r.candidate.suggestedName })),
      });
      result.forEach(upsertKey);
      const linked = result.filter((k) => existing.has(k.id)).length;
      toast(importedMessage(result.length - linked, linked, chosen.length - result.length));
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  if (candidates.length === 0) {
    return (
      <section className="scan" aria-labelledby={titleId}>
        <h4 id={titleId} className="scan-title">
          No keys found
        </h4>
        <p className="scan-lead">No API keys were found in this project’s .env files.</p>
        <div className="scan-actions">
          <button type="button" className="button button-small" onClick={onDone}>
            Close
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="scan" aria-labelledby={titleId} onSubmit={importChosen} noValidate>
      <h4 id={titleId} className="scan-title">
        {plural(candidates.length, 'key')} found
      </h4>
      <p className="scan-lead">
        In {[...files].join(', ')}. Values are masked here; on import the vault reads them from the files itself and keeps those files up to date when a key is
        rotated.
      </p>
      <table className="scan-table" aria-label={`Keys found in ${project.name}`}>
        <thead>
          <tr>
            <th scope="col" className="scan-check">
              <input
                type="checkbox"
                aria-label="Choose all found keys"
                checked={chosen.length === rows.length}
                ref={(el) => {
                  if (el) el.indeterminate = chosen.length > 0 && chosen.length < rows.length;
                }}
                onChange={(event) => setRows((all) => all.map((r) => ({ ...r, checked: event.target.checked })))}
              />
            </th>
            <th scope="col">Variable</th>
            <th scope="col">File</th>
            <th scope="col">Value</th>
            <th scope="col">Name in the vault</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { candidate } = row;
            const where = `${candidate.variable} from ${candidate.fileName}`;
            const linkedTo = candidate.existingKeyId ? keys.find((k) => k.id === candidate.existingKeyId) : undefined;
            const rowError = errors.get(row);
            const errorId = `${titleId}-${candidate.fileName}-${candidate.variable}-error`;
            return (
              <tr key={`${candidate.fileName}\n${candidate.variable}`} className={row.checked ? '' : 'is-unchecked'}>
                <td className="scan-check">
                  <input type="checkbox" aria-label={`Import ${where}`} checked={row.checked} onChange={(event) => update(row, { checked: event.target.checked })} />
                </td>
                <td className="mono scan-variable">{candidate.variable}</td>
                <td className="mono">{candidate.fileName}</td>
                <td>
                  <code className="mono masked">{candidate.masked}</code>
                </td>
                <td className="scan-name">
                  {candidate.existingKeyId ? (
                    <span className="scan-linked">
                      Already in the vault as <strong>{linkedTo?.name ?? 'a key'}</strong> — will be linked
                    </span>
                  ) : (
                    <>
                      <input
                        className="input"
                        aria-label={`Name for ${where}`}
                        value={row.name}
                        disabled={!row.checked}
                        onChange={(event) => update(row, { name: event.target.value })}
                        autoComplete="off"
                        spellCheck={false}
                        aria-invalid={rowError ? true : undefined}
                        aria-describedby={rowError ? errorId : undefined}
                      />
                      {rowError ? (
                        <p id={errorId} className="field-error">
                          {rowError}
                        </p>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError message={error} />
      <div className="scan-actions">
        <button type="button" className="button button-small" onClick={onDone} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={busy || chosen.length === 0 || errors.size > 0}
          title={chosen.length === 0 ? 'Choose at least one key.' : errors.size ? 'Fix the names first.' : undefined}
        >
          {busy ? 'Importing…' : `Import selected (${chosen.length})`}
        </button>
      </div>
    </form>
  );
}
