// The AWS SDK is pinned on purpose (see SERVICES.md: releases after early 2027
// need Node 22); its Node-version notice would otherwise print once per test file.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
