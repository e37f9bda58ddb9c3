// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tg {

struct ApiError;

/// The one mapping from a client error to what the user reads: a sentence fragment that names
/// what went wrong and what happens next ("the server could not be reached (…); the draft is
/// kept and you can try again later"). Callers put it after what they were doing
/// ("Not published: %1"). Never contains a token (ApiError never does).
QString userMessage(const ApiError &error);

/// Whether the error means the server could not be reached at all (network, timeout, TLS),
/// so nothing changed on the server.
bool isOffline(const ApiError &error);

} // namespace tg
