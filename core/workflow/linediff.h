// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tg {

/// One line of a line-by-line diff.
struct DiffLine
{
    enum class Op
    {
        Same,
        Added,
        Removed
    };
    Op op = Op::Same;
    QString text;
};

/// Line diff of two texts (longest common subsequence, trimmed common ends), old → new.
QList<DiffLine> lineDiff(const QString &oldText, const QString &newText);

/// The diff as HTML for a read-only text view: removed lines red, added lines green.
QString diffToHtml(const QList<DiffLine> &diff);

} // namespace tg
