import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.ts';
import { createMailer } from './mailer.ts';

describe('createMailer', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('is off (null) without an SMTP URL', () => {
    expect(createMailer({ smtpUrl: null, from: 'opora@example.ru' })).toBeNull();
    expect(createMailer({ smtpUrl: '', from: 'opora@example.ru' })).toBeNull();
  });

  it('refuses a URL that is not smtp:// or smtps://, without quoting it', () => {
    expect(() => createMailer({ smtpUrl: 'http://user:secret@mail.example.ru', from: 'opora@example.ru' })).toThrow(
      /^The SMTP URL must start with smtp:\/\/ or smtps:\/\/$/,
    );
  });

  it('delivers a Russian subject and body intact', async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: 'opora@example.ru' });
    const body =
      'Здравствуйте!\n\nСрок исполнения мероприятия истекает 15.02.2023.\n' +
      'Мероприятие: «Проведение методического семинара; анализ результатов ВПР, ОГЭ».';
    await mailer!.send({
      to: 'metodist@example.ru',
      subject: 'Срок исполнения мероприятия истекает 15.02.2023',
      text: body,
    });

    const [received] = await sink.waitFor(1);
    expect(received).toEqual({
      from: 'opora@example.ru',
      to: ['metodist@example.ru'],
      subject: 'Срок исполнения мероприятия истекает 15.02.2023',
      text: body,
    });
  });

  it('throws an English error when the server cannot be reached', async () => {
    // The sink's port after it closed: nothing listens there.
    const closed = await startSmtpSink();
    await closed.close();
    const mailer = createMailer({ smtpUrl: closed.url, from: 'opora@example.ru' });
    await expect(mailer!.send({ to: 'metodist@example.ru', subject: 'Тема', text: 'Текст' })).rejects.toThrow(
      /^Sending e-mail failed: .*ECONNREFUSED/,
    );
  });
});
