#include "core/LogRedaction.h"

#include <QtGlobal>

#include <atomic>
#include <cstdio>
#include <mutex>

namespace slotdesk {
namespace {

// No QString global: a message may still come during static destruction at exit.
constexpr QLatin1String kMask("***");

bool isNameChar(QChar c) {
    return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'_' || c == u'-' || c == u'.';
}

// Where an unquoted value ends: a separator of query strings, headers, JSON or QDebug output.
bool endsValue(QChar c) {
    return c.isSpace() || c.unicode() < 0x20 || c == u'&' || c == u';' || c == u',' || c == u'"' ||
           c == u'\'' || c == u'<' || c == u'>' || c == u'#' || c == u')' || c == u']' || c == u'}';
}

// token, access_token, refreshToken, x-manage-token, client_secret, password, code_verifier, ...
bool isSecretName(const QString& name) {
    QString plain;
    for (const QChar c : name) {
        if (c != u'_' && c != u'-' && c != u'.')
            plain += c.toLower();
    }
    return plain.endsWith(QLatin1String("token")) || plain.endsWith(QLatin1String("secret")) ||
           plain.endsWith(QLatin1String("password")) || plain.endsWith(QLatin1String("passwd")) ||
           plain == QLatin1String("codeverifier") || plain == QLatin1String("apikey");
}

// scheme://user:password@host → scheme://user:***@host
QString maskUrlPasswords(const QString& in) {
    QString out = in;
    qsizetype from = 0;
    for (;;) {
        const qsizetype scheme = out.indexOf(QLatin1String("://"), from);
        if (scheme < 0)
            return out;
        const qsizetype start = scheme + 3;
        qsizetype end = start;
        while (end < out.size() && !out[end].isSpace() && out[end] != u'/' && out[end] != u'?' &&
               out[end] != u'#' && out[end] != u'"' && out[end] != u'@')
            ++end;
        from = end;
        if (end >= out.size() || out[end] != u'@')
            continue;
        const qsizetype colon = out.indexOf(u':', start);
        if (colon < 0 || colon >= end - 1)
            continue;
        out.replace(colon + 1, end - colon - 1, QString(kMask));
        from = colon + 1 + kMask.size();
    }
}

// name=value (also %3D), "name":"value" and ("name", "value") for secret names, ?code=…,
// and the credential after Bearer or Basic.
QString maskSecrets(const QString& in) {
    QString out;
    out.reserve(in.size());
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isNameChar(in[i])) {
            out += in[i++];
            continue;
        }
        qsizetype j = i;
        while (j < n && isNameChar(in[j]))
            ++j;
        const QString word = in.mid(i, j - i);
        const bool quotedName = i > 0 && in[i - 1] == u'"' && j < n && in[j] == u'"';
        const bool queryName = i > 0 && (in[i - 1] == u'?' || in[i - 1] == u'&');
        out += word;
        i = j;

        qsizetype valueStart = -1;
        if (word.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0 ||
            word.compare(QLatin1String("basic"), Qt::CaseInsensitive) == 0) {
            qsizetype k = j;
            while (k < n && in[k] == u' ')
                ++k;
            if (k > j)
                valueStart = k;
        } else if (isSecretName(word) ||
                   (queryName && word.compare(QLatin1String("code"), Qt::CaseInsensitive) == 0)) {
            qsizetype k = quotedName ? j + 1 : j;
            while (k < n && in[k] == u' ')
                ++k;
            qsizetype separator = 0;
            if (k < n && in[k] == u'=')
                separator = 1;
            else if (in.mid(k, 3).compare(QLatin1String("%3D"), Qt::CaseInsensitive) == 0)
                separator = 3;
            else if (quotedName && k < n && (in[k] == u':' || in[k] == u','))
                separator = 1;
            if (separator) {
                k += separator;
                while (k < n && in[k] == u' ')
                    ++k;
                valueStart = k;
            }
        }
        if (valueStart < 0)
            continue;
        qsizetype start = valueStart;
        qsizetype end = start;
        if (start < n && in[start] == u'"') {
            end = ++start;
            while (end < n && in[end] != u'"')
                end += (in[end] == u'\\' && end + 1 < n) ? 2 : 1;
        } else {
            while (end < n && !endsValue(in[end]))
                ++end;
        }
        if (end == start)
            continue;
        out += QStringView(in).mid(j, start - j);
        out += kMask;
        i = end;
    }
    return out;
}

void appendEscaped(QString& out, QChar c, bool quoting) {
    const char16_t u = c.unicode();
    if (u == u'\n') {
        out += QLatin1String("\\n");
    } else if (u == u'\r') {
        out += QLatin1String("\\r");
    } else if (u == u'\t') {
        out += quoting ? QStringLiteral("\\t") : QStringLiteral("\t");
    } else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
        out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
    } else if (u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) ||
               (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c) {
        // Line and paragraph separators, and the bidi controls that reorder what a reader sees.
        out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
    } else if (quoting && (u == u'"' || u == u'\\')) {
        out += u'\\';
        out += c;
    } else {
        out += c;
    }
}

std::atomic<QtMessageHandler> g_previous{nullptr};

void redactingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString safe = redactedLogMessage(message);
    if (const QtMessageHandler previous = g_previous.load())
        previous(type, context, safe);
    else
        std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, safe)));
}

} // namespace

QString redactedLogMessage(const QString& message) {
    QStringView text(message);
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    const QString masked = maskSecrets(maskUrlPasswords(text.toString()));
    QString out;
    out.reserve(masked.size());
    for (const QChar c : masked)
        appendEscaped(out, c, false);
    return out;
}

QString logQuoted(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text)
        appendEscaped(out, c, true);
    out += u'"';
    return out;
}

void installLogRedaction() {
    static std::once_flag once;
    std::call_once(once, [] { g_previous = qInstallMessageHandler(redactingHandler); });
}

} // namespace slotdesk
