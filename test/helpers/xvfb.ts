/**
 * A private X server (Xvfb) for clipboard tests: a real X clipboard, served by real owners (xclip, xsel).
 * The display number is chosen by Xvfb itself (-displayfd), so parallel runs never collide.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { onPath } from '../../electron/cli/clipboard-tools';

export const X_TOOLS_MISSING = ['Xvfb', 'xclip'].filter((tool) => !onPath(tool));

export interface XServer {
  display: string;
  stop(): Promise<void>;
  /** The CLIPBOARD selection's text, '' when nobody owns it. */
  read(): string;
  /** Copies `text` as another application would (xclip keeps owning it in the background). */
  write(text: string): void;
}

export async function startXvfb(): Promise<XServer> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${err.slice(0, 500)}`)), 15_000);
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    (server.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${err.slice(0, 500)}`));
    });
  });
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: display };
  delete env.WAYLAND_DISPLAY;
  return {
    display,
    read() {
      try {
        return execFileSync('xclip', ['-selection', 'clipboard', '-out'], { env, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).toString('utf8');
      } catch {
        return ''; // "target STRING not available": no owner, an empty clipboard
      }
    },
    write(text) {
      const result = spawnSync('xclip', ['-selection', 'clipboard', '-in'], { env, input: text, stdio: ['pipe', 'ignore', 'ignore'], timeout: 5_000 });
      if (result.status !== 0) throw new Error(`xclip failed (${result.status})`);
    },
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
