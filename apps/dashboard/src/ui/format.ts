const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money as the API gives it (a decimal rounded to cents), always with two decimals. */
export const formatMoney = (amount: number): string => money.format(amount);

/** A signed difference: +1.50 / -3.00 / 0.00. */
export const formatSigned = (value: number, format: (n: number) => string = String): string =>
  value > 0 ? `+${format(value)}` : format(value);

/** An ISO time in the reader's own time zone, to the minute. */
export const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/** `YYYY-MM` of a Date, in UTC like the API's months. */
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
