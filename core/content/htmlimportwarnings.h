// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tg::detail {

/// Collects human-readable conversion warnings, deduplicated in order of first appearance, and
/// renders them with a count ("span unwrapped (3 times)") for a UI to list.
class ImportWarnings
{
public:
    void add(const QString &message, int count = 1);
    void addAll(const QStringList &rendered);
    bool isEmpty() const { return m_items.isEmpty(); }
    QStringList toStringList() const;

private:
    QList<QPair<QString, int>> m_items;
    QHash<QString, qsizetype> m_index;
};

} // namespace tg::detail
