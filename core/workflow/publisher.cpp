// SPDX-License-Identifier: MIT
#include "workflow/publisher.h"

#include <QUrl>

namespace tg {

QString pagePathFrom(const QString &pathOrUrl)
{
    QString s = pathOrUrl.trimmed();
    if (s.contains(QLatin1String("://"))) {
        const QUrl url(s);
        s = url.path(QUrl::FullyDecoded);
    }
    while (s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    const qsizetype q = s.indexOf(QLatin1Char('?'));
    if (q >= 0)
        s.truncate(q);
    return s;
}

} // namespace tg
