// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace tg::test {

/// A Qt Linguist .ts file as the completeness check sees it: its language and every message with
/// whether it has a finished translation.
class TsFile
{
public:
    /// One message: identified by context, source text and disambiguating comment.
    struct Message
    {
        QString context;
        QString source;
        QString comment;
        QString type;             ///< the translation's type attribute ("", "unfinished", …)
        bool translated = false;  ///< every form has text and the type is not unfinished/vanished
        QString key() const;      ///< context, source and comment joined, for set comparisons
        QString describe() const; ///< "[context] source (comment)" for failure messages
    };

    /// Reads the file; false with error() when it is missing or not well-formed XML.
    bool load(const QString &path);
    QString error() const { return m_error; }
    QString language() const { return m_language; }
    const QList<Message> &messages() const { return m_messages; }

private:
    QString m_error;
    QString m_language;
    QList<Message> m_messages;
};

} // namespace tg::test
