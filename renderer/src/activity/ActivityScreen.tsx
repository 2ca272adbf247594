/** The Activity screen. */
export function ActivityScreen() {
  return (
    <section className="screen" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
    </section>
  );
}
