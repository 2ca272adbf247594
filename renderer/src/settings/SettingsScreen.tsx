/** The Settings screen. */
export function SettingsScreen() {
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
    </section>
  );
}
