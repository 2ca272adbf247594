/** Line icons for projects, files and Use, drawn like ui/Icon (inline, decorative: always aria-hidden). */
const paths = {
  folder: 'M3 6.5A1.5 1.5 0 0 1 4.5 5h4.3l2 2.2h8.7A1.5 1.5 0 0 1 21 8.7v9.8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5Z',
  file: 'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Zm0 0v5h5M9 13h6m-6 4h4',
  /** An arrow into a file: "use in a project". */
  use: 'M13 3H7a2 2 0 0 0-2 2v4m8-6 6 6m-6-6v6h6m0 0v10a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-2M2 15h9m-3-3 3 3-3 3',
  search: 'M11 19a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm10 2-4.35-4.35',
  git: 'M6 3v12m0 0a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm12-6a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm0 0a9 9 0 0 1-9 9',
} as const;

export type UseIconName = keyof typeof paths;

export function UseIcon({ name, size = 16 }: { name: UseIconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
