/** The Projects screen. */
export function ProjectsScreen() {
  return (
    <section className="screen" aria-labelledby="projects-title">
      <h2 id="projects-title">Projects</h2>
    </section>
  );
}
