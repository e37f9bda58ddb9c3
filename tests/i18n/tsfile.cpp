// SPDX-License-Identifier: MIT
#include "tsfile.h"

#include <QFile>
#include <QXmlStreamReader>

namespace tg::test {

QString TsFile::Message::key() const
{
    return context + QChar(0x1f) + source + QChar(0x1f) + comment;
}

QString TsFile::Message::describe() const
{
    QString text = QLatin1Char('[') + context + QStringLiteral("] \"") + source + QLatin1Char('"');
    if (!comment.isEmpty())
        text += QStringLiteral(" (") + comment + QLatin1Char(')');
    return text;
}

bool TsFile::load(const QString &path)
{
    m_messages.clear();
    m_language.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    bool sawForm = false;
    bool allFormsFilled = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == QLatin1String("TS")) {
                m_language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = Message();
                message.context = context;
                sawForm = false;
                allFormsFilled = true;
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                // Plain translations hold text; plural ones hold <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters()) {
                        text += xml.text();
                    } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        sawForm = true;
                        if (xml.readElementText().trimmed().isEmpty())
                            allFormsFilled = false;
                    } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
                        break;
                    }
                }
                const bool hasText = sawForm ? allFormsFilled : !text.trimmed().isEmpty();
                message.translated = hasText && message.type != QLatin1String("unfinished") &&
                                     message.type != QLatin1String("vanished") &&
                                     message.type != QLatin1String("obsolete");
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            m_messages.append(message);
        }
    }
    if (xml.hasError()) {
        m_error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
        return false;
    }
    if (m_language.isEmpty()) {
        m_error = QStringLiteral("not a .ts file (no <TS language=...>)");
        return false;
    }
    m_error.clear();
    return true;
}

} // namespace tg::test
