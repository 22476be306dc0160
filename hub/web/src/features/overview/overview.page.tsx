export function OverviewPage() {
  return <div className="page">Overview</div>;
}
