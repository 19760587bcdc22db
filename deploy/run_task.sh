#!/usr/bin/env bash
# Run ECS task manually
# Starts one avpipeline run on Fargate now, in a default-VPC subnet with a public IP, exactly as the
# schedule does; optionally for another ETF or start date (container environment overrides).

set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bash deploy/run_task.sh [--etf SYMBOL] [--start-date YYYY-MM-DD] [--wait] [--help]

Starts the avpipeline task now (aws ecs run-task, launch type FARGATE, a subnet of
the default VPC, assignPublicIp=ENABLED) and prints how to follow it.

Options:
  --etf SYMBOL             run for this ETF instead of the task definition's ETF_SYMBOL (e.g. IWB)
  --start-date YYYY-MM-DD  override START_DATE for this run
  --wait                   wait until the task stops, then print its exit code (exit 1 if non-zero)
  -h, --help               show this help

Environment:
  AWS_REGION               region of the deployment (default: us-east-1)

Cluster, task definition, subnets and security group come from `terraform output`
in deploy/terraform when available; otherwise the defaults avpipeline-cluster,
avpipeline and the first default subnet of the default VPC are used.
USAGE
}

die() {
    echo "Error: $*" >&2
    exit 1
}

ETF_OVERRIDE=""
START_DATE_OVERRIDE=""
WAIT=false
while (($#)); do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --etf)
            (($# >= 2)) || die "--etf needs a symbol"
            ETF_OVERRIDE="$(printf '%s' "$2" | tr '[:lower:]' '[:upper:]')"
            shift 2 ;;
        --start-date)
            (($# >= 2)) || die "--start-date needs a date (YYYY-MM-DD)"
            START_DATE_OVERRIDE="$2"
            shift 2 ;;
        --wait) WAIT=true; shift ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
if [[ -n "$ETF_OVERRIDE" && ! "$ETF_OVERRIDE" =~ ^[A-Z0-9.-]{1,12}$ ]]; then
    die "'$ETF_OVERRIDE' is not a ticker symbol"
fi
if [[ -n "$START_DATE_OVERRIDE" && ! "$START_DATE_OVERRIDE" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
    die "'$START_DATE_OVERRIDE' is not a date written YYYY-MM-DD"
fi

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TERRAFORM_DIR="$SCRIPT_DIR/terraform"
AWS_REGION="${AWS_REGION:-us-east-1}"

command -v aws >/dev/null 2>&1 \
    || die "AWS CLI is not installed (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"
aws sts get-caller-identity >/dev/null 2>&1 || die "AWS credentials not configured. Run: aws configure"

tf_output() {
    if command -v terraform >/dev/null 2>&1 && [[ -d "$TERRAFORM_DIR/.terraform" ]]; then
        terraform -chdir="$TERRAFORM_DIR" output -raw "$1" 2>/dev/null || true
    fi
}

CLUSTER_NAME="$(tf_output ecs_cluster_name)"
CLUSTER_NAME="${CLUSTER_NAME:-avpipeline-cluster}"
TASK_DEFINITION="$(tf_output ecs_task_definition_arn)"
TASK_DEFINITION="${TASK_DEFINITION:-avpipeline}"
SECURITY_GROUP_ID="$(tf_output task_security_group_id)"
LOG_GROUP="$(tf_output cloudwatch_log_group)"
LOG_GROUP="${LOG_GROUP:-/ecs/avpipeline}"

echo "=== Running ECS Task ==="
echo "Cluster: $CLUSTER_NAME"
echo "Task definition: $TASK_DEFINITION"
[[ -z "$ETF_OVERRIDE" ]] || echo "ETF: $ETF_OVERRIDE"
[[ -z "$START_DATE_OVERRIDE" ]] || echo "Start date: $START_DATE_OVERRIDE"
echo ""

# Get first subnet from default VPC
SUBNET_ID="$(aws ec2 describe-subnets \
    --filters "Name=default-for-az,Values=true" \
    --query "Subnets[0].SubnetId" \
    --output text \
    --region "$AWS_REGION")"
if [[ -z "$SUBNET_ID" || "$SUBNET_ID" == "None" ]]; then
    die "Could not find default VPC subnet in $AWS_REGION (create one with: aws ec2 create-default-vpc)"
fi
echo "Using subnet: $SUBNET_ID"

NETWORK_CONFIGURATION="awsvpcConfiguration={subnets=[$SUBNET_ID],assignPublicIp=ENABLED"
if [[ -n "$SECURITY_GROUP_ID" ]]; then
    echo "Using security group: $SECURITY_GROUP_ID"
    NETWORK_CONFIGURATION+=",securityGroups=[$SECURITY_GROUP_ID]"
fi
NETWORK_CONFIGURATION+="}"
echo ""

RUN_TASK_ARGS=(
    --cluster "$CLUSTER_NAME"
    --task-definition "$TASK_DEFINITION"
    --launch-type FARGATE
    --network-configuration "$NETWORK_CONFIGURATION"
    --region "$AWS_REGION"
)

# Environment overrides (the values were checked above, so they need no JSON escaping)
ENVIRONMENT_OVERRIDES=()
[[ -z "$ETF_OVERRIDE" ]] || ENVIRONMENT_OVERRIDES+=("{\"name\":\"ETF_SYMBOL\",\"value\":\"$ETF_OVERRIDE\"}")
[[ -z "$START_DATE_OVERRIDE" ]] || ENVIRONMENT_OVERRIDES+=("{\"name\":\"START_DATE\",\"value\":\"$START_DATE_OVERRIDE\"}")
if ((${#ENVIRONMENT_OVERRIDES[@]})); then
    JOINED="$(IFS=,; echo "${ENVIRONMENT_OVERRIDES[*]}")"
    RUN_TASK_ARGS+=(--overrides "{\"containerOverrides\":[{\"name\":\"avpipeline\",\"environment\":[$JOINED]}]}")
fi

# Run the task
echo "Starting ECS task..."
TASK_ARN="$(aws ecs run-task "${RUN_TASK_ARGS[@]}" --query 'tasks[0].taskArn' --output text)"
if [[ -z "$TASK_ARN" || "$TASK_ARN" == "None" ]]; then
    die "Failed to start task (see: aws ecs run-task ... --query failures)"
fi
TASK_ID="${TASK_ARN##*/}"

echo ""
echo "=== Task Started ==="
echo "Task ARN: $TASK_ARN"
echo "Task ID:  $TASK_ID"
echo ""
echo "View logs:"
echo "  aws logs tail $LOG_GROUP --follow --region $AWS_REGION"
echo ""
echo "Check status:"
echo "  aws ecs describe-tasks --cluster $CLUSTER_NAME --tasks $TASK_ID --region $AWS_REGION --query 'tasks[0].lastStatus'"

if [[ "$WAIT" == true ]]; then
    echo ""
    echo "Waiting for the task to stop..."
    # The CLI's waiter gives up after 10 minutes and a run can take hours (IWB), so wait in rounds,
    # at most 8 hours.
    ROUNDS=0
    until aws ecs wait tasks-stopped --cluster "$CLUSTER_NAME" --tasks "$TASK_ARN" --region "$AWS_REGION" 2>/dev/null; do
        ROUNDS=$((ROUNDS + 1))
        ((ROUNDS < 48)) || die "gave up waiting after 8 hours; the task may still be running"
        echo "  still running ($(date -u +%H:%M:%SZ))"
    done
    EXIT_CODE="$(aws ecs describe-tasks --cluster "$CLUSTER_NAME" --tasks "$TASK_ARN" --region "$AWS_REGION" \
        --query 'tasks[0].containers[0].exitCode' --output text)"
    STOPPED_REASON="$(aws ecs describe-tasks --cluster "$CLUSTER_NAME" --tasks "$TASK_ARN" --region "$AWS_REGION" \
        --query 'tasks[0].stoppedReason' --output text)"
    echo "Task stopped: $STOPPED_REASON (exit code $EXIT_CODE)"
    [[ "$EXIT_CODE" == "0" ]] || exit 1
fi
