/** Names shared by the harness (Node) and the in-page bridge (browser). */
export const invokeBindingName = '__deskInvoke';
export const pushHookName = '__deskPush';
