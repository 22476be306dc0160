/** A page's few views (a list, a report beside it) as pressed buttons; the page keeps the choice in its URL. */
export function ViewSwitch<V extends string>({ label, value, views, onChange }: { label: string; value: V; views: readonly { id: V; label: string }[]; onChange(v: V): void }) {
  return (
    <div className="view-switch" role="group" aria-label={label}>
      {views.map((v) => (
        <button key={v.id} type="button" className={`btn btn-sm${v.id === value ? ' on' : ''}`} aria-pressed={v.id === value} onClick={() => onChange(v.id)} data-testid={`view-${v.id}`}>
          {v.label}
        </button>
      ))}
    </div>
  );
}
