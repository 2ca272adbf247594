/**
 * "Check the vault": store against keychain, record shapes, file modes, .env exports and MCP client configs. Lists what is
 * wrong and what Repair would do about each; Repair does it and says what it did. Reads the whole
 * keychain, so it runs only when asked.
 */
import { useEffect, useRef, useState } from 'react';
import type { DoctorReport, Finding } from '../../../shared/doctor';
import { plural } from '../format';
import { useKeysStore } from '../keys/keysStore';
import { Icon } from '../ui/Icon';
import { errorMessage, vaultApi } from '../vaultApi';
import { FormError } from '../ui/DialogParts';

type DoctorState =
  | { phase: 'idle' }
  | { phase: 'checking' | 'repairing'; last: Done | null }
  | Done
  | { phase: 'error'; message: string };

interface Done {
  phase: 'done';
  report: DoctorReport;
  /** The report came from a repair. */
  repairedRun: boolean;
}

function healthyLine({ keys, secrets, exports, mcpServers }: DoctorReport['checked']): string {
  const servers = mcpServers === undefined ? '' : `, ${plural(mcpServers, 'MCP server')}`;
  return `The vault is healthy: ${plural(keys, 'key')}, ${plural(secrets, 'keychain entry', 'keychain entries')}, ${plural(exports, '.env export')}${servers} checked.`;
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className={`doctor-finding${finding.repair ? '' : ' needs-you'}`}>
      <Icon name="alert" size={14} />
      <div>
        <p className="doctor-message">{finding.message}</p>
        <p className="doctor-repair">{finding.repair ? `Repair will ${finding.repair}.` : 'Repair cannot fix this one: it needs you.'}</p>
      </div>
    </li>
  );
}

function Report({ done }: { done: Done }) {
  const { report } = done;
  return (
    <>
      {done.repairedRun && report.repaired.length > 0 ? (
        <div className="doctor-box doctor-repaired">
          <p className="doctor-title">
            <Icon name="check" size={14} /> Repaired
          </p>
          <ul className="doctor-list">
            {report.repaired.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {done.repairedRun && report.repaired.length === 0 ? <p className="muted">Nothing could be repaired.</p> : null}
      {report.findings.length === 0 ? (
        <p className="doctor-box doctor-healthy">
          <Icon name="check" size={14} /> {healthyLine(report.checked)}
        </p>
      ) : (
        <div className="doctor-box doctor-problems">
          <p className="doctor-title">
            {done.repairedRun ? `${plural(report.findings.length, 'problem')} left` : `${plural(report.findings.length, 'problem')} found`}
          </p>
          <ul className="doctor-findings">
            {report.findings.map((finding, index) => (
              <FindingItem key={`${finding.kind}|${finding.keyId ?? ''}|${finding.file ?? ''}|${index}`} finding={finding} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function VaultDoctor() {
  const [state, setState] = useState<DoctorState>({ phase: 'idle' });
  const loadKeys = useKeysStore((s) => s.loadKeys);
  const busy = state.phase === 'checking' || state.phase === 'repairing';
  const shown: Done | null = state.phase === 'done' ? state : busy ? state.last : null;
  const repairable = shown?.report.findings.some((f) => f.repair !== null) ?? false;
  const resultRef = useRef<HTMLDivElement>(null);

  // The results (or the error) appear below the buttons, often below the fold: bring them into view, or the
  // click seems to have done nothing.
  useEffect(() => {
    if (state.phase !== 'done' && state.phase !== 'error') return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    resultRef.current?.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }, [state]);

  async function run(repair: boolean) {
    setState({ phase: repair ? 'repairing' : 'checking', last: shown });
    try {
      const report = await vaultApi().vault.doctor({ repair });
      setState({ phase: 'done', report, repairedRun: repair });
      // A repair may have added keys back or changed records: show them.
      if (repair) void loadKeys();
    } catch (error) {
      setState({ phase: 'error', message: errorMessage(error) });
    }
  }

  return (
    <div className="doctor" ref={resultRef}>
      <div className="doctor-actions">
        <button type="button" className="button" onClick={() => void run(false)} disabled={busy}>
          <Icon name="search" size={14} />
          {state.phase === 'checking' ? 'Checking…' : 'Check the vault'}
        </button>
        {repairable ? (
          <button type="button" className="button button-primary" onClick={() => void run(true)} disabled={busy}>
            <Icon name="check" size={14} />
            {state.phase === 'repairing' ? 'Repairing…' : 'Repair'}
          </button>
        ) : null}
      </div>
      {state.phase === 'error' ? <FormError message={state.message} /> : null}
      <div className="doctor-result" role="status" aria-busy={busy}>
        {shown ? <Report done={shown} /> : null}
      </div>
    </div>
  );
}
