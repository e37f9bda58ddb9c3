// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

namespace tg::jsonscan {

/// Raw bytes of the member `key` of a JSON object given as raw bytes, or a null QByteArray when
/// the object has no such member. The input must already be valid JSON (check it with
/// QJsonDocument first): this scanner only finds spans, so that parts whose key order matters
/// (page content) can be read by an order-keeping parser.
QByteArray member(const QByteArray &object, const QByteArray &key);

/// Raw bytes of each element of a JSON array given as raw bytes (valid JSON, see member()).
QList<QByteArray> elements(const QByteArray &array);

} // namespace tg::jsonscan
