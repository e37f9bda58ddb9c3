// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>
#include <QStringView>

namespace tg {

/// A post or video that Telegraph shows through its own embed proxy (`/embed/<provider>?url=…`).
struct Embed
{
    QString provider; ///< "youtube", "vimeo", "twitter" or "telegram"
    QString url;      ///< the original, canonical URL of the post or video
    bool isValid() const { return !provider.isEmpty(); }
};

/// Recognises a YouTube, Vimeo, Twitter/X or Telegram post URL, including the players' own iframe
/// sources (`youtube.com/embed/<id>`, `player.vimeo.com/video/<id>`), and Telegraph's proxy form
/// `/embed/<provider>?url=…`. Returns an invalid Embed for anything else (a channel, a profile).
Embed embedForUrl(QStringView url);

/// The Telegraph proxy source for an embed: `/embed/youtube?url=<percent-encoded original URL>`.
QString embedSource(const Embed &embed);

/// Whether `src` is already a Telegraph embed proxy source that the server accepts.
bool isTelegraphEmbedSource(QStringView src);

/// `figure(iframe src=<proxy>, figcaption(caption))`; the figcaption only when caption is
/// non-empty.
Node embedFigure(const Embed &embed, const QString &caption = {});

} // namespace tg
