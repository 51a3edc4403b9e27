/** What staff see: the channel and the last two digits, nothing else. */
export function maskAddress(address: string): string {
  const whatsapp = address.startsWith('whatsapp:');
  const digits = address.replace(/\D/g, '');
  const tail = digits.slice(-2).padStart(2, '•');
  return `${whatsapp ? 'WhatsApp ' : 'SMS '}••• ••• ••${tail}`;
}
