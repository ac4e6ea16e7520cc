/* Belady's OPT: the resident frames in a max-heap by the next use of their
 * page (later first; ties as env->ties says), so the victim is the root and
 * every update is O(log n). */
#include "os/policy.h"

static void *opt_create(const struct policy_env *env)
{
	return policy_future_create(env, true);
}

const struct policy_ops policy_opt_ops = {
	.name = "opt",
	.needs_future = true,
	.create = opt_create,
	.destroy = policy_future_destroy,
	.insert = policy_future_insert,
	.touch = policy_future_touch,
	.remove = policy_future_remove,
	.victim = policy_future_victim,
};
