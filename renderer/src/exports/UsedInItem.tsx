/** One place in a key's "Used in": where (a project's .env file, a client's server) and how, with its time. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../ui/Icon';

interface UsedInItemProps {
  icon: IconName;
  /** The file's full path, shown on hover. */
  file: string;
  where: ReactNode;
  children: ReactNode;
}

export function UsedInItem({ icon, file, where, children }: UsedInItemProps) {
  return (
    <li className="used-in-item">
      <Icon name={icon} size={14} />
      <div className="used-in-text">
        <span className="used-in-where" title={file}>
          {where}
        </span>
        <span className="used-in-meta">{children}</span>
      </div>
    </li>
  );
}
