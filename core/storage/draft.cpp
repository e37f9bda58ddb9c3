// SPDX-License-Identifier: MIT
#include "storage/draft.h"

#include <QUuid>

namespace tg {

Draft Draft::create(DraftFormat format)
{
    Draft d;
    d.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d.format = format;
    d.created = QDateTime::currentDateTimeUtc();
    d.modified = d.created;
    return d;
}

bool Draft::sameContent(const Draft &o) const
{
    return id == o.id && title == o.title && authorName == o.authorName &&
           authorUrl == o.authorUrl && body == o.body && format == o.format &&
           pagePath == o.pagePath && pageUrl == o.pageUrl;
}

} // namespace tg
