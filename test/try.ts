import { startConversation } from './helpers/conversation.ts';

const scripts: Array<[string, 'sms' | 'whatsapp', string[]]> = JSON.parse(process.argv[2]!);
for (const [title, channel, lines] of scripts) {
  const c = await startConversation({
    channel,
    number: '+52196255' + Math.floor(10000 + Math.random() * 89999),
  });
  for (const l of lines) await c.say(l);
  console.log(c.render(title));
  await c.close();
}
process.exit(0);
