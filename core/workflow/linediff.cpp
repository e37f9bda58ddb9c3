// SPDX-License-Identifier: MIT
#include "workflow/linediff.h"

#include <vector>

namespace tg {

QList<DiffLine> lineDiff(const QString &oldText, const QString &newText)
{
    const QStringList a = oldText.split(QLatin1Char('\n'));
    const QStringList b = newText.split(QLatin1Char('\n'));
    qsizetype start = 0;
    while (start < a.size() && start < b.size() && a[start] == b[start])
        ++start;
    qsizetype endA = a.size(), endB = b.size();
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
        --endA;
        --endB;
    }
    const qsizetype n = endA - start, m = endB - start;
    QList<DiffLine> out;
    for (qsizetype i = 0; i < start; ++i)
        out.append({DiffLine::Op::Same, a[i]});
    // LCS table over the differing middle; texts of articles keep this small.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] =
                a[start + i] == b[start + j]
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (a[start + i] == b[start + j]) {
            out.append({DiffLine::Op::Same, a[start + i]});
            ++i;
            ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            out.append({DiffLine::Op::Removed, a[start + i++]});
        } else {
            out.append({DiffLine::Op::Added, b[start + j++]});
        }
    }
    while (i < n)
        out.append({DiffLine::Op::Removed, a[start + i++]});
    while (j < m)
        out.append({DiffLine::Op::Added, b[start + j++]});
    for (qsizetype k = endA; k < a.size(); ++k)
        out.append({DiffLine::Op::Same, a[k]});
    return out;
}

QString diffToHtml(const QList<DiffLine> &diff)
{
    QString html = QStringLiteral("<pre style=\"font-family: monospace\">");
    for (const DiffLine &l : diff) {
        const QString text = l.text.toHtmlEscaped();
        switch (l.op) {
        case DiffLine::Op::Same:
            html += QStringLiteral("  ") + text + QLatin1Char('\n');
            break;
        case DiffLine::Op::Added:
            html += QStringLiteral("<span style=\"background:#dff5df;color:#135e13\">+ ") + text +
                    QStringLiteral("</span>\n");
            break;
        case DiffLine::Op::Removed:
            html += QStringLiteral("<span style=\"background:#fbe0e0;color:#8a1414\">- ") + text +
                    QStringLiteral("</span>\n");
            break;
        }
    }
    return html + QStringLiteral("</pre>");
}

} // namespace tg
