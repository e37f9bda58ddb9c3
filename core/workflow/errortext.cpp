// SPDX-License-Identifier: MIT
#include "workflow/errortext.h"

#include "api/apierror.h"

#include <QCoreApplication>

namespace tg {

namespace {

/// Translation context of the messages below.
struct ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

/// What a server code means for the user, for the codes users meet (others are shown verbatim).
QString describeCode(const QString &code)
{
    if (code == QLatin1String("PAGE_NOT_FOUND"))
        return ErrorText::tr("there is no such page");
    if (code == QLatin1String("ACCESS_TOKEN_INVALID"))
        return ErrorText::tr("the account's access token is not valid (revoked, or for another "
                             "server)");
    if (code == QLatin1String("PAGE_ACCESS_DENIED"))
        return ErrorText::tr("the page belongs to another account");
    if (code == QLatin1String("CONTENT_TOO_BIG"))
        return ErrorText::tr("the content is over Telegraph's 64 KiB limit");
    if (code == QLatin1String("PAGE_SAVE_FAILED"))
        return ErrorText::tr("Telegraph could not save the page (PAGE_SAVE_FAILED); try again in "
                             "a moment");
    return ErrorText::tr("the server refused: %1").arg(code);
}

} // namespace

bool isOffline(const ApiError &error)
{
    return error.category == ApiError::Category::Network ||
           error.category == ApiError::Category::Timeout ||
           error.category == ApiError::Category::Tls;
}

QString userMessage(const ApiError &error)
{
    switch (error.category) {
    case ApiError::Category::None:
        return QString();
    case ApiError::Category::Network:
    case ApiError::Category::Timeout:
    case ApiError::Category::Tls:
        return ErrorText::tr("the server could not be reached (%1); nothing was changed and you "
                             "can try again later")
            .arg(error.message);
    case ApiError::Category::Api:
        return error.code.isEmpty() ? error.message : describeCode(error.code);
    case ApiError::Category::FloodWait:
        return ErrorText::tr("Telegraph asks to wait %n second(s) before the next change", nullptr,
                             error.floodSeconds);
    case ApiError::Category::Cancelled:
        return ErrorText::tr("cancelled");
    case ApiError::Category::Protocol:
    case ApiError::Category::Validation:
        break;
    }
    return error.message.isEmpty() ? error.toString() : error.message;
}

} // namespace tg
