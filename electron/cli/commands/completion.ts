/**
 * `mcpkv completion bash|zsh|fish`: a completion script for the shell, made from the program's own commands
 * and options, so it never falls behind them. Key ids and names come from `mcpkv __complete-keys` (hidden),
 * which reads only the metadata file: no keychain, no secret, none of the vault core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, type Option } from 'commander';
import type { CliIo } from '../io';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];
/** The hidden command the scripts call for key ids and names. */
const KEYS_COMMAND = '__complete-keys';

interface CommandSpec {
  /** `create`, or `mcp connect` for a subcommand. */
  name: string;
  description: string;
  options: { long?: string; short?: string; description: string; takesValue: boolean }[];
  /** Its first argument is a key (id, prefix or name). */
  keyArgument: boolean;
  /** Options whose value is a key. */
  keyOptions: string[];
}

function specOf(c: Command, name: string): CommandSpec {
  return {
    name,
    description: c.description(),
    options: c.options.map((o: Option) => ({ long: o.long, short: o.short, description: o.description, takesValue: o.required || o.optional })),
    keyArgument: c.registeredArguments[0]?.name() === 'id',
    keyOptions: c.options.filter((o: Option) => o.long === '--key').flatMap((o) => [o.long!, ...(o.short ? [o.short] : [])]),
  };
}

/** The commands, then for a command with subcommands (`mcp`) each subcommand as `mcp <name>`. */
function specsOf(program: Command): { top: CommandSpec[]; groups: { name: string; subcommands: CommandSpec[] }[] } {
  const visible = program.commands.filter((c) => !c.name().startsWith('__'));
  return {
    top: visible.map((c) => specOf(c, c.name())),
    groups: visible.filter((c) => c.commands.length > 0).map((c) => ({ name: c.name(), subcommands: c.commands.map((sub) => specOf(sub, `${c.name()} ${sub.name()}`)) })),
  };
}

type Specs = ReturnType<typeof specsOf>;

function bashScript({ top, groups }: Specs): string {
  const cases = [...top, ...groups.flatMap((g) => g.subcommands)]
    .map((s) => {
      const flags = s.options.flatMap((o) => [o.long, o.short].filter(Boolean)).concat('--help').join(' ');
      const keyOpts = s.keyOptions.length ? s.keyOptions.join('|') : '__none__';
      return `    ${s.name.includes(' ') ? `"${s.name}"` : s.name}) opts='${flags}'; keyarg=${s.keyArgument ? 1 : 0}; keyopts='${keyOpts}' ;;`;
    })
    .join('\n');
  const groupCases = groups
    .map(
      (g) =>
        `    ${g.name}) if [[ $COMP_CWORD -eq 2 ]]; then COMPREPLY=($(compgen -W '${g.subcommands.map((s) => s.name.split(' ')[1]).join(' ')} --help' -- "$cur")); return; fi; cmd="${g.name} \${COMP_WORDS[2]}"; argpos=3 ;;`,
    )
    .join('\n');
  return `# mcpkv completion for bash (mcpkv completion bash)
_mcpkv() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W '${top.map((s) => s.name).join(' ')} --help --version' -- "$cur"))
    return
  fi
  local opts='' keyarg=0 keyopts='__none__' cmd="\${COMP_WORDS[1]}" argpos=2
  case "$cmd" in
${groupCases}
  esac
  case "$cmd" in
${cases}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  # shellcheck disable=SC2053
  if [[ ( $COMP_CWORD -eq $argpos && $keyarg -eq 1 ) || "|$keyopts|" == *"|$prev|"* ]]; then
    local IFS=$'\\n' key
    COMPREPLY=()
    for key in $(compgen -W "$(mcpkv ${KEYS_COMMAND} 2>/dev/null)" -- "$cur"); do COMPREPLY+=("$(printf '%q' "$key")"); done
    return
  fi
  COMPREPLY=()
}
complete -o default -F _mcpkv mcpkv
`;
}

function zshScript(specs: Specs): string {
  // zsh runs the bash function through its bash completion layer: one script for both to keep in step.
  return `#compdef mcpkv
# mcpkv completion for zsh (mcpkv completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bashScript(specs).split('\n').slice(1).join('\n')}`;
}

function fishScript({ top, groups }: Specs): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = ['# mcpkv completion for fish (mcpkv completion fish)', 'complete -c mcpkv -f'];
  for (const s of top) lines.push(`complete -c mcpkv -n __fish_use_subcommand -a ${s.name} -d ${quote(s.description)}`);
  for (const g of groups) {
    const names = g.subcommands.map((s) => s.name.split(' ')[1]).join(' ');
    for (const s of g.subcommands) {
      lines.push(`complete -c mcpkv -n '__fish_seen_subcommand_from ${g.name}; and not __fish_seen_subcommand_from ${names}' -a ${s.name.split(' ')[1]} -d ${quote(s.description)}`);
    }
  }
  // A subcommand's options and key argument only after both words (`mcp connect`); a command's after its one word.
  const seen = (s: CommandSpec) => s.name.split(' ').map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
  const grouped = new Set(groups.map((g) => g.name));
  for (const s of [...top.filter((t) => !grouped.has(t.name)), ...groups.flatMap((g) => g.subcommands)]) {
    for (const o of s.options) {
      const parts = [`complete -c mcpkv -n '${seen(s)}'`];
      if (o.long) parts.push(`-l ${o.long.slice(2)}`);
      if (o.short) parts.push(`-s ${o.short.slice(1)}`);
      if (o.takesValue) parts.push(s.keyOptions.includes(o.long ?? '') ? `-x -a '(mcpkv ${KEYS_COMMAND} 2>/dev/null)'` : '-r');
      parts.push(`-d ${quote(o.description)}`);
      lines.push(parts.join(' '));
    }
    if (s.keyArgument) lines.push(`complete -c mcpkv -n '${seen(s)}' -a '(mcpkv ${KEYS_COMMAND} 2>/dev/null)'`);
  }
  return `${lines.join('\n')}\n`;
}

function parseShell(value: string): Shell {
  if (!(SHELLS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${SHELLS.join(', ')}.`);
  return value as Shell;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('print a shell completion script: eval "$(mcpkv completion bash)"')
    .argument('<shell>', SHELLS.join(', '), parseShell)
    .action((shell: Shell) => {
      const specs = specsOf(program);
      const script = shell === 'bash' ? bashScript(specs) : shell === 'zsh' ? zshScript(specs) : fishScript(specs);
      process.stdout.write(script);
    });

  // Ids and names of the keys that are not revoked, one per line, from the metadata file alone.
  program.addCommand(
    new Command(KEYS_COMMAND).action(async () => {
      const { vaultHome } = await import('../../core/paths');
      let keys: Record<string, { id?: unknown; name?: unknown; revokedAt?: unknown }> = {};
      try {
        const data = JSON.parse(fs.readFileSync(path.join(vaultHome(), 'vault.json'), 'utf8')) as { keys?: typeof keys };
        keys = data.keys ?? {};
      } catch {
        return; // no vault yet, or unreadable: nothing to offer
      }
      const words = Object.values(keys)
        .filter((k) => !k.revokedAt)
        .flatMap((k) => [k.id, k.name])
        .filter((w): w is string => typeof w === 'string' && !/[\n\r]/.test(w));
      if (words.length) io.out(words.join('\n'));
    }),
    { hidden: true },
  );
}
