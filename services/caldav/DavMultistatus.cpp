#include "caldav/DavMultistatus.h"

#include <QXmlStreamReader>

namespace slotdesk::caldav {
namespace {

struct Name {
    QStringView nameSpace;
    QStringView local;
};

bool is(const QXmlStreamReader& xml, QStringView nameSpace, QStringView local) {
    return xml.namespaceUri() == nameSpace && xml.name() == local;
}

bool is(const Name& name, QStringView nameSpace, QStringView local) {
    return name.nameSpace == nameSpace && name.local == local;
}

// "HTTP/1.1 404 Not Found" → 404; 0 when unreadable.
int statusCode(const QString& line) {
    const QStringList parts = line.simplified().split(QLatin1Char(' '));
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

// What one <propstat> says, kept until its <status> tells whether it counts.
struct PropStat {
    DavResponse props;
    int status = 0;
};

class Reader {
public:
    explicit Reader(const QByteArray& data)
        : m_xml(data) {}

    Result<Multistatus> read() {
        if (!m_xml.readNextStartElement() || !is(m_xml, ns::kDav, u"multistatus"))
            return Error::malformed(QStringLiteral("The server's answer is not a WebDAV "
                                                   "multistatus"));
        while (m_xml.readNextStartElement()) {
            if (is(m_xml, ns::kDav, u"response"))
                readResponse();
            else if (is(m_xml, ns::kDav, u"sync-token"))
                m_result.syncToken = text();
            else
                m_xml.skipCurrentElement();
        }
        if (m_xml.hasError())
            return Error::malformed(QStringLiteral("The server's answer is not well-formed XML "
                                                   "(%1)")
                                        .arg(m_xml.errorString()));
        return m_result;
    }

private:
    QString text() { return m_xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed(); }

    void readResponse() {
        DavResponse response;
        while (m_xml.readNextStartElement()) {
            if (is(m_xml, ns::kDav, u"href"))
                response.href = text();
            else if (is(m_xml, ns::kDav, u"status"))
                response.status = statusCode(text());
            else if (is(m_xml, ns::kDav, u"propstat"))
                readPropStat(response);
            else
                m_xml.skipCurrentElement();
        }
        m_result.responses.append(response);
    }

    void readPropStat(DavResponse& response) {
        PropStat propStat;
        while (m_xml.readNextStartElement()) {
            if (is(m_xml, ns::kDav, u"status"))
                propStat.status = statusCode(text());
            else if (is(m_xml, ns::kDav, u"prop"))
                readProps(propStat.props);
            else
                m_xml.skipCurrentElement();
        }
        if (propStat.status >= 200 && propStat.status < 300)
            merge(response, propStat.props);
    }

    static void merge(DavResponse& into, const DavResponse& from) {
        auto take = [](auto& target, const auto& value) {
            if (!value.isEmpty())
                target = value;
        };
        take(into.etag, from.etag);
        take(into.calendarData, from.calendarData);
        take(into.displayName, from.displayName);
        take(into.color, from.color);
        take(into.ctag, from.ctag);
        take(into.syncToken, from.syncToken);
        take(into.principalHref, from.principalHref);
        take(into.homeHref, from.homeHref);
        into.isCalendar = into.isCalendar || from.isCalendar;
        if (from.hasComponentSet) {
            into.hasComponentSet = true;
            into.components = from.components;
        }
        into.reports += from.reports;
    }

    // The first <DAV:href> inside the current element.
    QString nestedHref() {
        QString href;
        while (m_xml.readNextStartElement()) {
            if (href.isEmpty() && is(m_xml, ns::kDav, u"href"))
                href = text();
            else
                m_xml.skipCurrentElement();
        }
        return href;
    }

    void readProps(DavResponse& props) {
        while (m_xml.readNextStartElement()) {
            const Name name{m_xml.namespaceUri(), m_xml.name()};
            if (is(name, ns::kDav, u"getetag"))
                props.etag = text();
            else if (is(name, ns::kCalDav, u"calendar-data"))
                props.calendarData = m_xml.readElementText().toUtf8();
            else if (is(name, ns::kDav, u"displayname"))
                props.displayName = text();
            else if (is(name, ns::kApple, u"calendar-color"))
                props.color = text();
            else if (is(name, ns::kCalendarServer, u"getctag"))
                props.ctag = text();
            else if (is(name, ns::kDav, u"sync-token"))
                props.syncToken = text();
            else if (is(name, ns::kDav, u"current-user-principal"))
                props.principalHref = nestedHref();
            else if (is(name, ns::kCalDav, u"calendar-home-set"))
                props.homeHref = nestedHref();
            else if (is(name, ns::kDav, u"resourcetype"))
                readResourceType(props);
            else if (is(name, ns::kCalDav, u"supported-calendar-component-set"))
                readComponents(props);
            else if (is(name, ns::kDav, u"supported-report-set"))
                readReports(props);
            else
                m_xml.skipCurrentElement();
        }
    }

    void readResourceType(DavResponse& props) {
        while (m_xml.readNextStartElement()) {
            if (is(m_xml, ns::kCalDav, u"calendar"))
                props.isCalendar = true;
            m_xml.skipCurrentElement();
        }
    }

    void readComponents(DavResponse& props) {
        props.hasComponentSet = true;
        while (m_xml.readNextStartElement()) {
            if (is(m_xml, ns::kCalDav, u"comp"))
                props.components.append(
                    m_xml.attributes().value(QLatin1String("name")).toString().toUpper());
            m_xml.skipCurrentElement();
        }
    }

    // <supported-report><report><sync-collection/></report></supported-report>...
    void readReports(DavResponse& props) {
        int depth = 1;
        bool inReport = false;
        while (depth > 0 && !m_xml.atEnd()) {
            m_xml.readNext();
            if (m_xml.isStartElement()) {
                ++depth;
                if (inReport)
                    props.reports.append(m_xml.name().toString());
                inReport = is(m_xml, ns::kDav, u"report");
            } else if (m_xml.isEndElement()) {
                --depth;
                inReport = false;
            }
        }
    }

    QXmlStreamReader m_xml;
    Multistatus m_result;
};

} // namespace

Result<Multistatus> parseMultistatus(const QByteArray& xml) {
    return Reader(xml).read();
}

bool hasPrecondition(const QByteArray& xml, QStringView nameSpace, QStringView name) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.namespaceUri() == nameSpace && reader.name() == name)
            return true;
    }
    return false;
}

} // namespace slotdesk::caldav
