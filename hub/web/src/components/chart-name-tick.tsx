import { Text } from 'recharts';

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A category axis label (a store's or product's name) wrapped onto lines within `width`, so a long
 * name is never cut at the chart's edge (no line limit: nothing is dropped).
 */
export function nameTick(width: number) {
  return function NameTick({ x, y, payload }: TickProps) {
    const name = String(payload?.value ?? '');
    return (
      <Text x={Number(x)} y={Number(y)} width={width} textAnchor="end" verticalAnchor="middle" fontSize={12} fill="#4a5a50" className="name-tick">
        {name}
      </Text>
    );
  };
}
