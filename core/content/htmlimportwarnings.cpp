// SPDX-License-Identifier: MIT
#include "content/htmlimportwarnings.h"

#include <QRegularExpression>

namespace tg::detail {

void ImportWarnings::add(const QString &message, int count)
{
    const auto it = m_index.constFind(message);
    if (it != m_index.constEnd()) {
        m_items[*it].second += count;
        return;
    }
    m_index.insert(message, m_items.size());
    m_items.append({message, count});
}

void ImportWarnings::addAll(const QStringList &rendered)
{
    static const QRegularExpression counted(QStringLiteral("^(.*) \\((\\d+) times\\)$"));
    for (const QString &w : rendered) {
        const QRegularExpressionMatch m = counted.match(w);
        if (m.hasMatch())
            add(m.captured(1), m.captured(2).toInt());
        else
            add(w);
    }
}

QStringList ImportWarnings::toStringList() const
{
    QStringList out;
    out.reserve(m_items.size());
    for (const auto &item : m_items) {
        if (item.second == 1)
            out.append(item.first);
        else
            out.append(item.first + QStringLiteral(" (") + QString::number(item.second) +
                       QStringLiteral(" times)"));
    }
    return out;
}

} // namespace tg::detail
