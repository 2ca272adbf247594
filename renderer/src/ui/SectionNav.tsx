/** The app's sections. The current one is marked for screen readers with aria-current. */
import { useUiStore, type Screen } from './uiStore';

const SECTIONS: { screen: Screen; label: string }[] = [
  { screen: 'keys', label: 'Keys' },
  { screen: 'projects', label: 'Projects' },
  { screen: 'mcp', label: 'MCP clients' },
  { screen: 'activity', label: 'Activity' },
  { screen: 'settings', label: 'Settings' },
];

export function SectionNav() {
  const screen = useUiStore((s) => s.screen);
  const setScreen = useUiStore((s) => s.setScreen);
  return (
    <nav className="section-nav" aria-label="Sections">
      {SECTIONS.map((section) => (
        <button
          key={section.screen}
          type="button"
          className="section-nav-item"
          aria-current={screen === section.screen ? 'page' : undefined}
          onClick={() => setScreen(section.screen)}
        >
          {section.label}
        </button>
      ))}
    </nav>
  );
}
