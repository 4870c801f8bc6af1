#include "mail/MimeWriter.h"

#include "mail/GMimeRuntime.h"

#include <QRandomGenerator>

#include <memory>

namespace slotdesk::mail {
namespace {

// GObject references held the C++ way: one g_object_unref per object made or ref'd.
struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T> using GRef = std::unique_ptr<T, GObjectUnref>;

// GObject's cast macros are C casts; a GObject's instance struct starts with its parent's, so a
// plain pointer conversion is what they do without the (debug) type check.
template <typename To, typename From> To* as(From* object) {
    return reinterpret_cast<To*>(object);
}

Status checkHeaderText(const QString& value, const QString& field) {
    for (const QChar c : value) {
        if (c == u'\r' || c == u'\n' || c.category() == QChar::Other_Control)
            return Error::validation(field, QStringLiteral("%1 must be one line").arg(field));
    }
    return success();
}

// An addr-spec as SMTP carries it: printable ASCII, one '@', no spaces or brackets.
Status checkAddress(const QString& address, const QString& field) {
    const qsizetype at = address.indexOf(u'@');
    bool ok = at > 0 && at == address.lastIndexOf(u'@') && at < address.size() - 1 &&
              address.size() <= 254;
    for (const QChar c : address)
        ok = ok && c.unicode() > 0x20 && c.unicode() < 0x7F && c != u'<' && c != u'>' &&
             c != u'(' && c != u')' && c != u',' && c != u';' && c != u'"' && c != u'\\';
    if (!ok)
        return Error::validation(
            field,
            QStringLiteral("%1 is not an e-mail address: %2").arg(field, displayValue(address)));
    return success();
}

Status addMailbox(GMimeMessage* message, GMimeAddressType type, const MailAddress& mailbox,
                  const QString& field) {
    if (auto s = checkAddress(mailbox.address, field); !s)
        return s;
    if (auto s = checkHeaderText(mailbox.name, field); !s)
        return s;
    g_mime_message_add_mailbox(message, type, mailbox.name.toUtf8().constData(),
                               mailbox.address.toUtf8().constData());
    return success();
}

// `data` as the content of `part`, encoded with the best 7-bit transfer encoding (quoted-printable
// for mostly-ASCII text, base64 otherwise).
void setContent(GMimePart* part, const QByteArray& data) {
    GRef<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(data.constData(), static_cast<size_t>(data.size())));
    GRef<GMimeDataWrapper> wrapper(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, wrapper.get());
    g_mime_part_set_content_encoding(
        part, g_mime_part_get_best_content_encoding(part, GMIME_ENCODING_CONSTRAINT_7BIT));
}

GRef<GMimeObject> textPart(const char* subtype, const QString& text) {
    GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
    setContent(as<GMimePart>(part), text.toUtf8());
    g_mime_text_part_set_charset(part, "utf-8");
    return GRef<GMimeObject>(as<GMimeObject>(part));
}

GRef<GMimeObject> filePart(const QByteArray& mimeType, const QString& fileName,
                           const QByteArray& data) {
    const qsizetype slash = mimeType.indexOf('/');
    const QByteArray type = slash > 0 ? mimeType.left(slash) : QByteArray("application");
    const QByteArray subtype = slash > 0 ? mimeType.mid(slash + 1) : QByteArray("octet-stream");
    GMimePart* part = g_mime_part_new_with_type(type.constData(), subtype.constData());
    setContent(part, data);
    // Content-Disposition: attachment; filename*=utf-8''... (RFC 2231) and the Content-Type's
    // name parameter alike, as GMime writes parameters by RFC 2231 by default.
    g_mime_object_set_disposition(as<GMimeObject>(part), GMIME_DISPOSITION_ATTACHMENT);
    g_mime_part_set_filename(part, fileName.toUtf8().constData());
    return GRef<GMimeObject>(as<GMimeObject>(part));
}

void add(GMimeMultipart* multipart, const GRef<GMimeObject>& part) {
    g_mime_multipart_add(multipart, part.get()); // takes its own reference
}

} // namespace

QString MimeWriter::newMessageId(const QString& fromAddress) {
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QString random = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words), sizeof(words))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const qsizetype at = fromAddress.lastIndexOf(u'@');
    const QString domain = at >= 0 ? fromAddress.mid(at + 1) : QStringLiteral("slotdesk.invalid");
    return random + u'@' + domain;
}

Result<QByteArray> MimeWriter::render(const MailMessage& m) {
    if (m.to.isEmpty())
        return Error::validation(QStringLiteral("to"),
                                 QStringLiteral("A message needs a recipient"));
    if (auto s = checkHeaderText(m.subject, QStringLiteral("subject")); !s)
        return s.error();
    if (!m.messageId.isEmpty()) {
        if (auto s = checkAddress(m.messageId, QStringLiteral("messageId")); !s)
            return s.error();
    }
    ensureGMimeInitialised();

    GRef<GMimeMessage> message(g_mime_message_new(TRUE));
    if (auto s = addMailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, m.from, QStringLiteral("from"));
        !s)
        return s.error();
    if (!m.replyTo.isEmpty()) {
        if (auto s = addMailbox(message.get(), GMIME_ADDRESS_TYPE_REPLY_TO, m.replyTo,
                                QStringLiteral("replyTo"));
            !s)
            return s.error();
    }
    for (const auto& recipient : m.to) {
        if (auto s =
                addMailbox(message.get(), GMIME_ADDRESS_TYPE_TO, recipient, QStringLiteral("to"));
            !s)
            return s.error();
    }
    g_mime_message_set_subject(message.get(), m.subject.toUtf8().constData(), "utf-8");
    const QDateTime date = m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc();
    GDateTime* gdate = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.get(), gdate);
    g_date_time_unref(gdate);
    const QString messageId = m.messageId.isEmpty() ? newMessageId(m.from.address) : m.messageId;
    g_mime_message_set_message_id(message.get(), messageId.toUtf8().constData());
    // RFC 3834: automatic mail; well-behaved auto-responders stay quiet.
    g_mime_object_set_header(as<GMimeObject>(message.get()), "Auto-Submitted", "auto-generated",
                             nullptr);

    GRef<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
    add(alternative.get(), textPart("plain", m.text));
    if (!m.html.isEmpty())
        add(alternative.get(), textPart("html", m.html));
    const bool invitation = !m.calendar.ics.isEmpty();
    if (invitation) {
        GRef<GMimeObject> calendar(textPart("calendar", QString::fromUtf8(m.calendar.ics)));
        g_mime_object_set_content_type_parameter(calendar.get(), "charset", "UTF-8");
        g_mime_object_set_content_type_parameter(calendar.get(), "method",
                                                 m.calendar.method.constData());
        add(alternative.get(), calendar);
    }

    if (!invitation && m.attachments.isEmpty()) {
        g_mime_message_set_mime_part(message.get(), as<GMimeObject>(alternative.get()));
    } else {
        GRef<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
        g_mime_multipart_add(mixed.get(), as<GMimeObject>(alternative.get()));
        if (invitation)
            add(mixed.get(),
                filePart("application/ics", QStringLiteral("invite.ics"), m.calendar.ics));
        for (const auto& attachment : m.attachments) {
            if (auto s = checkHeaderText(attachment.fileName, QStringLiteral("fileName")); !s)
                return s.error();
            add(mixed.get(), filePart(attachment.mimeType, attachment.fileName, attachment.data));
        }
        g_mime_message_set_mime_part(message.get(), as<GMimeObject>(mixed.get()));
    }

    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    GRef<GMimeStream> out(g_mime_stream_mem_new());
    const auto written =
        g_mime_object_write_to_stream(as<GMimeObject>(message.get()), options, out.get());
    g_mime_format_options_free(options);
    if (written < 0)
        return Error{ErrorCode::Internal, QStringLiteral("Cannot render the message"), {}};
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(as<GMimeStreamMem>(out.get()));
    return QByteArray(reinterpret_cast<const char*>(bytes->data),
                      static_cast<qsizetype>(bytes->len));
}

} // namespace slotdesk::mail
