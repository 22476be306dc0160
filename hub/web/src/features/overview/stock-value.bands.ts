/** Stores counted by their stock value, in equal bands from the lowest value to the highest. */
export interface ValueBand {
  from: number;
  to: number;
  stores: number;
}

/** `count` equal-width bands over the values (one band when they are all the same); every value lands in exactly one. */
export function valueBands(values: number[], count = 10): ValueBand[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max, stores: values.length }];
  const width = (max - min) / count;
  const bands: ValueBand[] = Array.from({ length: count }, (_, i) => ({ from: min + i * width, to: i === count - 1 ? max : min + (i + 1) * width, stores: 0 }));
  for (const v of values) bands[Math.min(count - 1, Math.floor((v - min) / width))]!.stores++;
  return bands;
}
