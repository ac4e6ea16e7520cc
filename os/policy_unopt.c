/* OSTEP's UNOPT, OPT turned around: the resident frames in a min-heap by the
 * next use of their page, so the victim (the root) is the page needed
 * soonest, the worst choice there is; ties as env->ties says. */
#include "os/policy.h"

static void *unopt_create(const struct policy_env *env)
{
	return policy_future_create(env, false);
}

const struct policy_ops policy_unopt_ops = {
	.name = "unopt",
	.needs_future = true,
	.create = unopt_create,
	.destroy = policy_future_destroy,
	.insert = policy_future_insert,
	.touch = policy_future_touch,
	.remove = policy_future_remove,
	.victim = policy_future_victim,
};
